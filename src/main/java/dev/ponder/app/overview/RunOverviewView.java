package dev.ponder.app.overview;

import dev.ponder.app.common.Fxml;
import dev.ponder.app.overview.RunOverviewViewModel.Fact;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Shows the selected run's provenance and counts; an empty state says what to do when nothing is selected. */
public final class RunOverviewView {
    private final RunOverviewViewModel viewModel;
    private final Parent root;

    @FXML
    private VBox content;

    @FXML
    private VBox emptyState;

    @FXML
    private Label title;

    @FXML
    private FlowPane countsTiles;

    @FXML
    private GridPane provenanceGrid;

    @FXML
    private FlowPane figuresTiles;

    @FXML
    private Label figuresNote;

    public RunOverviewView(RunOverviewViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(this, "RunOverview.fxml");
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        content.visibleProperty().bind(viewModel.emptyProperty().not());
        emptyState.visibleProperty().bind(viewModel.emptyProperty());
        title.textProperty().bind(viewModel.titleProperty());
        tiles(countsTiles, viewModel.counts());
        tiles(figuresTiles, viewModel.figures());
        figuresNote.textProperty().bind(viewModel.figuresNoteProperty());
        ListChangeListener<Fact> redraw = change -> rows(provenanceGrid, change.getList());
        viewModel.provenance().addListener(redraw);
        rows(provenanceGrid, viewModel.provenance());
    }

    /** Facts as tiles, the value above its label, wrapping onto more lines when the pane is narrow. */
    private static void tiles(FlowPane pane, ObservableList<Fact> facts) {
        ListChangeListener<Fact> redraw = change -> {
            pane.getChildren().clear();
            change.getList().forEach(fact -> pane.getChildren().add(tile(fact)));
        };
        facts.addListener(redraw);
        facts.forEach(fact -> pane.getChildren().add(tile(fact)));
    }

    private static VBox tile(Fact fact) {
        Label value = new Label(fact.value());
        value.getStyleClass().add("count-value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        Label label = new Label(fact.label());
        label.getStyleClass().add("count-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return new VBox(2, value, label);
    }

    /** Facts as label/value rows. */
    private static void rows(GridPane grid, List<? extends Fact> facts) {
        grid.getChildren().clear();
        for (int i = 0; i < facts.size(); i++) {
            Label label = new Label(facts.get(i).label());
            label.getStyleClass().add("fact-label");
            Label value = new Label(facts.get(i).value());
            value.getStyleClass().add("fact-value");
            value.setWrapText(true);
            grid.addRow(i, label, value);
        }
    }
}
