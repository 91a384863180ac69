package dev.ponder.app.search;

import dev.ponder.app.common.Escape;
import dev.ponder.core.model.SearchHit;
import java.util.function.BiConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The workspace search window (Ctrl+K): type a phrase, see every trace that holds it with the match in context,
 * open a hit with Enter or a double click. Searches as one types, after a short pause.
 */
public final class SearchView {
    private final SearchViewModel viewModel;
    private final BiConsumer<SearchHit, String> open;
    private final Stage stage = new Stage();
    private final TextField field = new TextField();
    private final ListView<SearchHit> list = new ListView<>();

    public SearchView(SearchViewModel viewModel, BiConsumer<SearchHit, String> open, Window owner) {
        this.viewModel = viewModel;
        this.open = open;
        field.setId("search-field");
        field.setPromptText("Find in every trace: let me reconsider, I made a mistake, \"wait\" NEAR \"actually\" …");
        field.textProperty().bindBidirectional(viewModel.queryProperty());
        PauseTransition pause = new PauseTransition(Duration.millis(250));
        pause.setOnFinished(event -> viewModel.search());
        field.textProperty().addListener((observable, before, after) -> pause.playFromStart());
        field.setOnAction(event -> {
            pause.stop();
            viewModel.search();
        });
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                event.consume();
            }
        });
        Label status = new Label();
        status.setId("search-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add("search-status");
        list.setId("search-hits");
        list.setItems(viewModel.hits());
        list.setCellFactory(ignored -> new HitCell());
        Label placeholder = new Label();
        placeholder.setId("search-placeholder");
        placeholder.setWrapText(true);
        // nothing is "not found" before a search has run
        placeholder
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> viewModel.statusProperty().get().startsWith("Type a phrase")
                                        || viewModel.statusProperty().get().equals("Searching…")
                                ? ""
                                : "No trace contains that. Try fewer words, a word with * at its end, or OR between "
                                        + "alternatives.",
                        viewModel.statusProperty()));
        list.setPlaceholder(placeholder);
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected();
            }
        });
        VBox top = new VBox(6, field, status);
        top.setPadding(new Insets(10, 10, 6, 10));
        BorderPane pane = new BorderPane(list, top, null, null, null);
        pane.getStyleClass().add("search-window");
        Scene scene = new Scene(pane, 760, 520);
        scene.getStylesheets().add(SearchView.class.getResource("search.css").toExternalForm());
        Escape.closes(stage);
        stage.setScene(scene);
        stage.setTitle("Search the Workspace");
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    /** Shows the window with the cursor in the search field. */
    public void show() {
        stage.show();
        stage.toFront();
        field.requestFocus();
        field.selectAll();
    }

    private void openSelected() {
        SearchHit hit = list.getSelectionModel().getSelectedItem();
        if (hit != null) {
            open.accept(hit, viewModel.searched());
        }
    }

    /** A hit: where it is, then the snippet with the match in bold. */
    private static final class HitCell extends ListCell<SearchHit> {
        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            Label where = new Label(hit.runName() + "  ·  " + hit.problemKey() + "  ·  sample #" + hit.sampleIndex()
                    + (hit.round() > 0 ? " round " + hit.round() : ""));
            where.getStyleClass().add("hit-where");
            TextFlow snippet = new TextFlow();
            String text = hit.snippet().replaceAll("\\s+", " ");
            int at = 0;
            while (at < text.length()) {
                int open = text.indexOf('[', at);
                int close = open < 0 ? -1 : text.indexOf(']', open);
                if (open < 0 || close < 0) {
                    snippet.getChildren().add(new Text(text.substring(at)));
                    break;
                }
                snippet.getChildren().add(new Text(text.substring(at, open)));
                Text match = new Text(text.substring(open + 1, close));
                match.getStyleClass().add("hit-match");
                snippet.getChildren().add(match);
                at = close + 1;
            }
            snippet.setMaxWidth(700);
            setGraphic(new VBox(2, where, snippet));
        }
    }
}
