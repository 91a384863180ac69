package dev.ponder.app.compute;

import dev.ponder.app.charts.ScreenCharts;
import dev.ponder.app.common.Escape;
import dev.ponder.core.compute.CostAxis;
import dev.ponder.core.compute.Method;
import dev.ponder.core.model.RunSummary;
import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Compute window: how accuracy and cost are counted and problems binned above; the frontier chart beside the
 * laws fitted, and below them the winners per budget of a chosen bin.
 */
public final class ComputeView {
    private final Stage stage = new Stage();

    public ComputeView(ComputeViewModel viewModel, Window owner) {
        ChoiceBox<Method> method = choice("compute-method", Method.values(), Method::label);
        method.valueProperty().bindBidirectional(viewModel.methodProperty());
        ChoiceBox<CostAxis> axis = choice("compute-cost", CostAxis.values(), CostAxis::label);
        axis.valueProperty().bindBidirectional(viewModel.axisProperty());
        ComboBox<String> model = new ComboBox<>();
        model.setId("compute-model");
        model.setEditable(true);
        model.setPrefWidth(290);
        model.getItems().setAll(viewModel.models());
        model.getItems().add(1, ComputeViewModel.ENTERED);
        model.valueProperty().bindBidirectional(viewModel.modelProperty());
        Button pick = new Button("config.json or GGUF…");
        pick.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("The model's config.json or GGUF file");
            chooser.getExtensionFilters()
                    .addAll(
                            new FileChooser.ExtensionFilter("config.json or GGUF", "*.json", "*.gguf"),
                            new FileChooser.ExtensionFilter("All files", "*.*"));
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                viewModel.modelProperty().set(file.getPath());
            }
        });
        Button editShape = new Button("Edit Shape…");
        editShape.setId("compute-edit-shape");
        editShape.setOnAction(
                event -> ModelShapeDialog.edit(viewModel.shapeToEdit(), stage).ifPresent(viewModel::enter));
        TextField intensity = number("compute-intensity", viewModel.intensityProperty());
        TextField priceIn = number("compute-price-in", viewModel.priceInProperty());
        TextField priceOut = number("compute-price-out", viewModel.priceOutProperty());
        ComboBox<String> bins = new ComboBox<>();
        bins.setId("compute-bins");
        bins.setEditable(true);
        bins.getItems().setAll("quantile5", "liu", "0.1,0.5");
        bins.valueProperty().bindBidirectional(viewModel.binsProperty());
        ChoiceBox<RunSummary> baseline = choice(
                "compute-baseline",
                viewModel.runs().toArray(RunSummary[]::new),
                run -> run.run().name());
        baseline.getItems().add(0, null);
        baseline.valueProperty().bindBidirectional(viewModel.baselineProperty());
        CheckBox crossValidate = new CheckBox("cross-validate (two halves)");
        crossValidate.selectedProperty().bindBidirectional(viewModel.crossValidateProperty());
        FlowPane controls = new FlowPane(
                8,
                6,
                labelled("Method", method),
                labelled("Cost", axis),
                labelled("Model", model),
                pick,
                editShape,
                labelled("I (FLOP/byte)", intensity),
                labelled("$/M in", priceIn),
                labelled("$/M out", priceOut),
                labelled("Bins", bins),
                labelled("Baseline", baseline),
                crossValidate);
        controls.setPadding(new Insets(10));

        ChartViewer viewer = new ChartViewer(null, false);
        viewer.setId("compute-chart");
        ScreenCharts.openOnClick(viewer, viewModel.chartProperty()::get, point -> {});
        viewModel
                .chartProperty()
                .addListener((observable, before, drawn) -> viewer.setChart(drawn == null ? null : drawn.chart()));
        StackPane chartSlot = new StackPane(viewer);
        chartSlot.setMinSize(0, 0);
        Label exported = new Label();
        Button export = new Button("Export Chart…");
        export.setOnAction(event -> ScreenCharts.chooseFigure(stage, "frontier.pdf")
                .ifPresent(figure -> viewModel.export(figure, exported::setText)));
        BorderPane left = new BorderPane(chartSlot, null, null, new HBox(8, export, exported), null);

        ChoiceBox<String> bin = new ChoiceBox<>(viewModel.binNames());
        bin.setId("compute-bin");
        bin.valueProperty().bindBidirectional(viewModel.binProperty());
        TableView<ComputeViewModel.Row> winners = new TableView<>(viewModel.rows());
        winners.setId("compute-winners");
        winners.getColumns().add(column("Within", 100, ComputeViewModel.Row::budget));
        winners.getColumns().add(column("Best", 280, ComputeViewModel.Row::winner));
        winners.getColumns().add(column("Accuracy [95% CI]", 140, ComputeViewModel.Row::accuracy));
        winners.getColumns().add(column("Runner-up", 260, ComputeViewModel.Row::runnerUp));
        winners.getColumns().add(column("Cross-validated", 105, ComputeViewModel.Row::crossValidated));
        winners.getColumns().add(column("Baseline needs", 150, ComputeViewModel.Row::baselineNeeds));
        winners.setPlaceholder(new Label("No run has a figure in this bin."));
        winners.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TextArea laws = new TextArea();
        laws.setId("compute-laws");
        laws.setEditable(false);
        laws.setWrapText(true);
        laws.textProperty().bind(viewModel.lawsProperty());
        SplitPane top = new SplitPane(left, laws);
        top.setDividerPositions(0.62);
        VBox table = new VBox(6, labelled("Winners in", bin), winners);
        VBox.setVgrow(winners, Priority.ALWAYS);
        table.setPadding(new Insets(6, 0, 0, 0));
        SplitPane middle = new SplitPane(top, table);
        middle.setOrientation(javafx.geometry.Orientation.VERTICAL);
        middle.setDividerPositions(0.62);

        Label status = new Label();
        status.setId("compute-status");
        status.textProperty().bind(viewModel.statusProperty());
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.hide());
        HBox bottom = new HBox(8, status, close);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        bottom.setPadding(new Insets(8, 10, 10, 10));
        stage.setScene(new Scene(new BorderPane(middle, controls, null, bottom, null), 1500, 880));
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

    private static <T> ChoiceBox<T> choice(String id, T[] values, Function<T, String> name) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "default" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        return box;
    }

    private static TextField number(String id, javafx.beans.property.DoubleProperty property) {
        TextField field = new TextField(format(property.get()));
        field.setId(id);
        field.setPrefColumnCount(6);
        field.setOnAction(event -> commit(field, property));
        field.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused) {
                commit(field, property);
            }
        });
        return field;
    }

    private static void commit(TextField field, javafx.beans.property.DoubleProperty property) {
        try {
            double value = Double.parseDouble(field.getText().strip());
            if (value >= 0) {
                property.set(value);
                return;
            }
        } catch (NumberFormatException e) {
            // an unreadable number goes back to the one in force
        }
        field.setText(format(property.get()));
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static HBox labelled(String text, javafx.scene.Node control) {
        HBox box = new HBox(4, new Label(text), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static TableColumn<ComputeViewModel.Row, String> column(
            String title, double width, Function<ComputeViewModel.Row, String> value) {
        TableColumn<ComputeViewModel.Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(ignored -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                // the whole text on hover, where the column cuts it
                setTooltip(empty || text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        return column;
    }
}
