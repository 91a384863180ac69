package dev.ponder.app.compare;

import dev.ponder.app.common.Escape;
import dev.ponder.core.analysis.RunComparison;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The Compare Runs window: the paired figures above, every shared problem below. */
public final class RunComparisonView {
    private final Stage stage = new Stage();

    public RunComparisonView(RunComparisonViewModel viewModel, Window owner) {
        ChoiceBox<RunComparison.Solved> by = new ChoiceBox<>();
        by.setId("compare-runs-by");
        by.getItems().setAll(RunComparison.Solved.values());
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunComparison.Solved solved) {
                return solved == null
                        ? ""
                        : switch (solved) {
                            case MAJORITY -> "solved: majority answer right";
                            case FIRST -> "solved: first sample right";
                            case RATE -> "solved: at least half right";
                        };
            }

            @Override
            public RunComparison.Solved fromString(String text) {
                return null;
            }
        });
        by.valueProperty().bindBidirectional(viewModel.byProperty());
        Label summary = new Label();
        summary.setId("compare-runs-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        ChoiceBox<String> only = new ChoiceBox<>();
        only.setId("compare-runs-only");
        only.getItems().setAll("every shared problem", "A right, B wrong", "B right, A wrong", "both right", "neither");
        only.setValue("every shared problem");
        only.valueProperty()
                .addListener((observable, before, after) -> viewModel
                        .onlyProperty()
                        .set(
                                switch (after) {
                                    case "A right, B wrong" -> "A only";
                                    case "B right, A wrong" -> "B only";
                                    case "both right" -> "both";
                                    case "neither" -> "neither";
                                    default -> null;
                                }));
        TableView<RunComparisonViewModel.Row> table = new TableView<>(viewModel.shown());
        table.setId("compare-runs-problems");
        table.getColumns().add(text("Problem", 200, RunComparisonViewModel.Row::problem));
        table.getColumns().add(percent("A", RunComparisonViewModel.Row::rateA));
        table.getColumns().add(percent("B", RunComparisonViewModel.Row::rateB));
        table.getColumns().add(text("Majority A", 150, RunComparisonViewModel.Row::majorityA));
        table.getColumns().add(text("Majority B", 150, RunComparisonViewModel.Row::majorityB));
        table.getColumns().add(text("Solved by", 90, RunComparisonViewModel.Row::solved));
        table.setRowFactory(view -> {
            javafx.scene.control.TableRow<RunComparisonViewModel.Row> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.setPlaceholder(new Label("No shared problem of this kind."));
        javafx.scene.control.SplitPane middle =
                new javafx.scene.control.SplitPane(table, new PairedChartPane(viewModel.chart(), stage).root());
        middle.setDividerPositions(0.55);
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.hide());
        HBox bottom = new HBox(close);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(8, 10, 10, 10));
        VBox top = new VBox(8, new HBox(8, by, only), summary);
        top.setPadding(new Insets(10));
        Button samples = new Button("Compare Samples…");
        samples.setId("compare-runs-samples");
        samples.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        samples.setOnAction(event ->
                new CompareView(viewModel.samples(table.getSelectionModel().getSelectedItem()), stage).show());
        Label hint = new Label("Double-click a problem, or click a mark of the chart, to open it in the workbench;"
                + " Compare Samples sets its samples in A and B side by side.");
        hint.getStyleClass().add("hint");
        bottom.getChildren().add(0, hint);
        bottom.getChildren().add(1, samples);
        bottom.setSpacing(8);
        HBox.setHgrow(hint, javafx.scene.layout.Priority.ALWAYS);
        hint.setMaxWidth(Double.MAX_VALUE);
        BorderPane pane = new BorderPane(middle, top, null, bottom, null);
        stage.setScene(new Scene(pane, 1280, 720));
        stage.setTitle(viewModel.title());
        Escape.closes(stage);
        if (owner != null) {
            stage.initOwner(owner);
        }
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    private static TableColumn<RunComparisonViewModel.Row, String> text(
            String title, double width, java.util.function.Function<RunComparisonViewModel.Row, String> value) {
        TableColumn<RunComparisonViewModel.Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<RunComparisonViewModel.Row, Double> percent(
            String title, java.util.function.ToDoubleFunction<RunComparisonViewModel.Row> value) {
        TableColumn<RunComparisonViewModel.Row, Double> column = new TableColumn<>(title);
        column.setPrefWidth(70);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(cell.getValue())));
        column.setCellFactory(ignored -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double share, boolean empty) {
                super.updateItem(share, empty);
                setText(empty || share == null ? null : String.format(Locale.ROOT, "%.1f%%", 100 * share));
            }
        });
        return column;
    }
}
