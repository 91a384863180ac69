package dev.ponder.app.charts;

import dev.ponder.app.common.Fxml;
import dev.ponder.app.shell.FileDialogs;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartOption;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.Curve;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.chart.RenderedChart;
import dev.ponder.core.compute.CostAxis;
import dev.ponder.core.compute.CostSettings;
import dev.ponder.core.export.ChartFiles;
import dev.ponder.core.model.RunSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Charts tab: the chart list on the left, the chart in the middle (hover a mark for its value and n, click it
 * to open the problems and samples behind it), and beside it the runs to overlay, the chart's options, the paper
 * style and export.
 */
public final class ChartsView {
    private static final String STORED = "stored verdicts";
    private static final String EVERY_K = "every k";

    private final ChartsViewModel viewModel;
    private final FileDialogs dialogs;
    private final Consumer<String> announce;
    private final ObservableValue<Boolean> dark;
    private final Parent root;
    private final ChartViewer viewer = new ChartViewer(null, false);
    private final Map<Curve, CheckBox> curves = new EnumMap<>(Curve.class);
    private boolean updating;

    @FXML
    private ListView<ChartKind> kinds;

    @FXML
    private StackPane chartSlot;

    @FXML
    private Label placeholder;

    @FXML
    private Label status;

    @FXML
    private ListView<RunSummary> runs;

    @FXML
    private ComboBox<String> grader;

    @FXML
    private VBox curvesOption;

    @FXML
    private VBox curveBoxes;

    @FXML
    private VBox kMaxOption;

    @FXML
    private ComboBox<String> kMax;

    @FXML
    private VBox budgetAxisOption;

    @FXML
    private ComboBox<String> budgetAxis;

    @FXML
    private VBox costOption;

    @FXML
    private ComboBox<CostAxis> costAxis;

    @FXML
    private VBox problemOption;

    @FXML
    private TextField problem;

    @FXML
    private CheckBox weighted;

    @FXML
    private VBox binsOption;

    @FXML
    private Spinner<Integer> bins;

    @FXML
    private VBox levelOption;

    @FXML
    private ComboBox<String> level;

    @FXML
    private ComboBox<String> preset;

    @FXML
    private TextField width;

    @FXML
    private TextField height;

    @FXML
    private Spinner<Double> font;

    @FXML
    private CheckBox serif;

    @FXML
    private ComboBox<Integer> dpi;

    /**
     * @param status where a finished export is announced (the status bar)
     * @param dark   whether the window shows the dark theme: the chart on screen follows it, exports do not
     */
    public ChartsView(
            ChartsViewModel viewModel, FileDialogs dialogs, Consumer<String> status, ObservableValue<Boolean> dark) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.announce = status;
        this.dark = dark;
        this.root = Fxml.load(this, "Charts.fxml");
        dark.addListener((observable, before, now) -> viewModel.repaint());
    }

    public Parent root() {
        return root;
    }

    /** The chart viewer, for tests. */
    public ChartViewer viewer() {
        return viewer;
    }

    @FXML
    private void initialize() {
        kinds.getItems().setAll(ChartKind.values());
        kinds.setCellFactory(list -> new ChartKindCell());
        kinds.getSelectionModel().select(viewModel.specProperty().get().kind());
        kinds.getSelectionModel().selectedItemProperty().addListener((observable, before, kind) -> {
            if (kind != null) {
                viewModel.choose(kind);
            }
        });
        viewer.setId("chart-viewer");
        viewer.setVisible(false);
        chartSlot.getChildren().add(viewer);
        ScreenCharts.openOnClick(viewer, viewModel.chartProperty()::get, viewModel::open);
        viewModel.chartProperty().addListener((observable, before, drawn) -> show(drawn));
        status.textProperty().bind(viewModel.statusProperty());
        placeholder.textProperty().bind(viewModel.statusProperty());
        buildControls();
        viewModel.specProperty().addListener((observable, before, after) -> showSpec(after));
        showSpec(viewModel.specProperty().get());
        show(viewModel.chartProperty().get());
    }

    private void show(RenderedChart drawn) {
        if (drawn != null) {
            if (Boolean.TRUE.equals(dark.getValue())) {
                ScreenChartStyle.darken(drawn.chart());
            }
            viewer.setChart(drawn.chart());
        }
        viewer.setVisible(drawn != null);
        placeholder.setVisible(drawn == null);
    }

    /** Fills the controls the FXML declares and sends each change into the spec. */
    private void buildControls() {
        runs.setItems(viewModel.runs());
        runs.setPlaceholder(new Label("No runs yet: import run files (Ctrl+I) to chart them."));
        runs.setCellFactory(CheckBoxListCell.forListView(
                run -> {
                    BooleanProperty shown = new SimpleBooleanProperty(viewModel
                            .specProperty()
                            .get()
                            .runs()
                            .contains(run.run().id()));
                    shown.addListener((observable, before, after) ->
                            viewModel.overlay(run.run().id(), after));
                    return shown;
                },
                new StringConverter<>() {
                    @Override
                    public String toString(RunSummary run) {
                        return run == null ? "" : run.run().name();
                    }

                    @Override
                    public RunSummary fromString(String text) {
                        return null;
                    }
                }));

        grader.getItems().add(STORED);
        Grading.offered().forEach(grading -> grader.getItems().add(grading.label()));
        grader.setOnAction(
                event -> change(spec -> spec.withGrader(STORED.equals(grader.getValue()) ? null : grader.getValue())));
        for (Curve curve : Curve.values()) {
            CheckBox box = new CheckBox(curve.label());
            box.setOnAction(event -> change(spec -> spec.withCurves(chosenCurves())));
            curves.put(curve, box);
            curveBoxes.getChildren().add(box);
        }
        kMax.getItems().add(EVERY_K);
        for (int k = 1; k <= 4096; k *= 2) {
            kMax.getItems().add(String.valueOf(k));
        }
        kMax.setOnAction(event -> change(spec -> spec.withKMax(
                kMax.getValue() == null || EVERY_K.equals(kMax.getValue()) ? 0 : Integer.parseInt(kMax.getValue()))));
        budgetAxis.setOnAction(event -> change(spec -> spec.withBudgetAxis(
                budgetAxis.getSelectionModel().getSelectedIndex() == 1
                        ? ChartSpec.BudgetAxis.TOKENS
                        : ChartSpec.BudgetAxis.BUDGET)));
        costAxis.getItems().setAll(CostAxis.values());
        costAxis.setOnAction(event -> change(spec -> costAxis.getValue() == null
                ? spec
                : spec.withCost(
                        (spec.cost() != null ? spec.cost() : CostSettings.DEFAULT).withAxis(costAxis.getValue()))));
        problem.setOnAction(event -> change(spec -> spec.withProblem(problem.getText())));
        weighted.setOnAction(event -> change(spec -> spec.withWeighted(weighted.isSelected())));
        bins.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 200, 10));
        bins.valueProperty().addListener((observable, before, after) -> change(spec -> spec.withBins(after)));
        level.setOnAction(event -> change(
                spec -> spec.withLevel(Math.max(0, level.getSelectionModel().getSelectedIndex()))));

        preset.setOnAction(event -> {
            int chosen = preset.getSelectionModel().getSelectedIndex();
            if (chosen >= 0) {
                PaperStyle style = chosen == 0 ? PaperStyle.SINGLE_COLUMN : PaperStyle.DOUBLE_COLUMN;
                change(spec -> spec.withStyle(
                        style.withFont(spec.style().fontPt(), spec.style().serif())));
            }
        });
        for (TextField side : List.of(width, height)) {
            side.setOnAction(event -> resize());
            side.focusedProperty().addListener((observable, before, focused) -> {
                if (!focused) {
                    resize();
                }
            });
        }
        font.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(5.0, 24.0, 8.0, 0.5));
        font.valueProperty()
                .addListener((observable, before, after) -> change(spec ->
                        spec.withStyle(spec.style().withFont(after, spec.style().serif()))));
        serif.setOnAction(event ->
                change(spec -> spec.withStyle(spec.style().withFont(spec.style().fontPt(), serif.isSelected()))));
        dpi.getItems().setAll(150, 300, 600);
        dpi.setValue(300);
    }

    private List<Curve> chosenCurves() {
        List<Curve> chosen = new ArrayList<>();
        curves.forEach((curve, box) -> {
            if (box.isSelected()) {
                chosen.add(curve);
            }
        });
        return chosen;
    }

    private void resize() {
        try {
            double w = PaperStyle.centimetres(width.getText());
            double h = PaperStyle.centimetres(height.getText());
            change(spec -> spec.withStyle(spec.style().withSize(w, h)));
        } catch (IllegalArgumentException e) {
            showSpec(viewModel.specProperty().get());
        }
    }

    private void change(java.util.function.UnaryOperator<ChartSpec> edit) {
        if (updating) {
            return;
        }
        try {
            viewModel.specProperty().set(edit.apply(viewModel.specProperty().get()));
        } catch (IllegalArgumentException e) {
            showSpec(viewModel.specProperty().get());
        }
    }

    /** Puts the spec's values into the controls and shows the controls its chart uses. */
    private void showSpec(ChartSpec spec) {
        updating = true;
        try {
            kinds.getSelectionModel().select(spec.kind());
            grader.setValue(spec.grader() == null ? STORED : spec.grader());
            curves.forEach((curve, box) -> box.setSelected(spec.curves().contains(curve)));
            kMax.setValue(spec.kMax() == 0 ? EVERY_K : String.valueOf(spec.kMax()));
            bins.getValueFactory().setValue(spec.bins());
            level.getSelectionModel()
                    .select(Math.min(spec.level(), level.getItems().size() - 1));
            weighted.setSelected(spec.weighted());
            budgetAxis.getSelectionModel().select(spec.budgetAxis() == ChartSpec.BudgetAxis.TOKENS ? 1 : 0);
            costAxis.setValue(
                    spec.cost() == null ? CostAxis.THINKING : spec.cost().axis());
            problem.setText(spec.problem() == null ? "" : spec.problem());
            PaperStyle style = spec.style();
            preset.getSelectionModel()
                    .select(
                            style.widthCm() == PaperStyle.SINGLE_COLUMN.widthCm()
                                            && style.heightCm() == PaperStyle.SINGLE_COLUMN.heightCm()
                                    ? 0
                                    : style.widthCm() == PaperStyle.DOUBLE_COLUMN.widthCm()
                                                    && style.heightCm() == PaperStyle.DOUBLE_COLUMN.heightCm()
                                            ? 1
                                            : -1);
            width.setText(String.format(Locale.ROOT, "%.2f", style.widthCm()));
            height.setText(String.format(Locale.ROOT, "%.2f", style.heightCm()));
            font.getValueFactory().setValue(style.fontPt());
            serif.setSelected(style.serif());
            ChartKind kind = spec.kind();
            visible(curvesOption, kind.uses(ChartOption.CURVES));
            visible(kMaxOption, kind.uses(ChartOption.K_MAX));
            visible(budgetAxisOption, kind.uses(ChartOption.BUDGET_AXIS));
            visible(costOption, kind.uses(ChartOption.COST_AXIS));
            visible(problemOption, kind.uses(ChartOption.PROBLEM));
            visible(weighted, kind.uses(ChartOption.WEIGHTED));
            visible(binsOption, kind.uses(ChartOption.BINS));
            visible(levelOption, kind.uses(ChartOption.LEVEL));
            runs.refresh();
        } finally {
            updating = false;
        }
    }

    private static void visible(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private int dpiValue() {
        return dpi.getValue() == null ? 300 : dpi.getValue();
    }

    @FXML
    private void exportAll() {
        dialogs.folderToExportInto(window()).ifPresent(folder -> viewModel.exportAll(folder, dpiValue(), announce));
    }

    @FXML
    private void exportChart() {
        ChartSpec spec = viewModel.specProperty().get();
        dialogs.figureToWrite(window(), spec.kind().id() + ".pdf")
                .ifPresent(
                        file -> viewModel.export(ChartFiles.Format.figureFile(file), Set.of(), dpiValue(), announce));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
