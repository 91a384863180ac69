package dev.ponder.app.compare;

import dev.ponder.app.common.Escape;
import dev.ponder.core.model.SampleRef;
import dev.ponder.core.service.SampleService.AlignedRow;
import dev.ponder.core.trace.ThoughtAlignment;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The compare window: a sample chooser for each side, and the two traces' thoughts aligned row by row. */
public final class CompareView {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Stage stage = new Stage();

    public CompareView(CompareViewModel viewModel, Window owner) {
        ComboBox<SampleRef> left = chooser(viewModel, "compare-left");
        ComboBox<SampleRef> right = chooser(viewModel, "compare-right");
        left.valueProperty().bindBidirectional(viewModel.leftProperty());
        right.valueProperty().bindBidirectional(viewModel.rightProperty());
        Label summary = new Label();
        summary.setId("compare-summary");
        summary.getStyleClass().add("compare-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        GridPane choosers = new GridPane();
        choosers.setHgap(10);
        choosers.addRow(0, left, right);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        choosers.getColumnConstraints().addAll(half, half);
        left.setMaxWidth(Double.MAX_VALUE);
        right.setMaxWidth(Double.MAX_VALUE);
        VBox top = new VBox(6, choosers, summary);
        top.setPadding(new Insets(10));
        ListView<AlignedRow> rows = new ListView<>(viewModel.rows());
        rows.setId("compare-rows");
        rows.setCellFactory(list -> new RowCell(list));
        rows.setPlaceholder(
                new Label("Choose two samples to compare: select two in the samples table and press Ctrl+D."));
        Button close = new Button("Close");
        close.setId("compare-close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.hide());
        HBox bottom = new HBox(close);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(8, 10, 10, 10));
        BorderPane pane = new BorderPane(rows, top, null, bottom, null);
        Scene scene = new Scene(pane, 1180, 760);
        Escape.closes(stage);
        scene.getStylesheets().add(CompareView.class.getResource("compare.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Compare Samples");
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    private static ComboBox<SampleRef> chooser(CompareViewModel viewModel, String id) {
        ComboBox<SampleRef> box = new ComboBox<>(viewModel.candidates());
        box.setId(id);
        box.setVisibleRowCount(20);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(SampleRef ref) {
                return ref == null ? "" : ref.label();
            }

            @Override
            public SampleRef fromString(String text) {
                return null;
            }
        });
        return box;
    }

    /** Two thoughts side by side, coloured by how they relate; words one side alone uses are marked. */
    private static final class RowCell extends ListCell<AlignedRow> {
        private final ListView<AlignedRow> list;

        RowCell(ListView<AlignedRow> list) {
            this.list = list;
        }

        @Override
        protected void updateItem(AlignedRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("row-same", "row-changed", "row-left-only", "row-right-only");
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            getStyleClass()
                    .add(
                            switch (row.kind()) {
                                case SAME -> "row-same";
                                case CHANGED -> "row-changed";
                                case LEFT_ONLY -> "row-left-only";
                                case RIGHT_ONLY -> "row-right-only";
                            });
            double half = Math.max(200, (list.getWidth() - 50) / 2);
            TextFlow a = flow(row.left(), row.leftOnly(), half, row.kind() == ThoughtAlignment.Kind.RIGHT_ONLY);
            TextFlow b = flow(row.right(), row.rightOnly(), half, row.kind() == ThoughtAlignment.Kind.LEFT_ONLY);
            GridPane pair = new GridPane();
            pair.setHgap(14);
            pair.addRow(0, a, b);
            setGraphic(pair);
        }

        private static TextFlow flow(String text, Set<String> marked, double width, boolean absent) {
            TextFlow flow = new TextFlow();
            flow.setPrefWidth(width);
            flow.setMaxWidth(width);
            flow.getStyleClass().add(absent ? "side-absent" : "side");
            if (absent) {
                return flow;
            }
            Matcher word = WORD.matcher(text);
            int at = 0;
            while (word.find()) {
                if (marked.contains(word.group().toLowerCase(java.util.Locale.ROOT))) {
                    flow.getChildren().add(new Text(text.substring(at, word.start())));
                    Text different = new Text(word.group());
                    different.getStyleClass().add("word-different");
                    flow.getChildren().add(different);
                    at = word.end();
                }
            }
            flow.getChildren().add(new Text(text.substring(at)));
            return flow;
        }
    }
}
