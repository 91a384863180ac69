package dev.ponder.app.charts;

import dev.ponder.app.common.Fxml;
import dev.ponder.app.shell.FileDialogs;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.Curve;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.chart.RenderedChart;
import dev.ponder.core.export.ChartFiles;
import dev.ponder.core.model.RunSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

/**
 * The Charts tab: the chart list on the left, the chart in the middle (hover a mark for its value and n, click it
 * to open the problems and samples behind it), and beside it the runs to overlay, the chart's options, the paper
 * style and export.
 */
public final class ChartsView {
    private static final String STORED = "stored verdicts";
    private static final List<String> LEVELS = List.of("all levels", "level 1 (easiest)", "level 2", "level 3",
            "level 4", "level 5 (hardest)");
    private static final List<String> PRESETS = List.of("single column (8.5 × 6 cm)", "double column (17.5 × 7 cm)");
    private static final Set<ChartKind> SCALING = EnumSet.of(ChartKind.SCALING, ChartKind.SCALING_TOKENS);
    private static final Set<ChartKind> BINNED = EnumSet.of(ChartKind.VOTE_MARGINS, ChartKind.LENGTH,
            ChartKind.LENGTH_DIFFICULTY, ChartKind.TOKENS, ChartKind.AFTER_FIRST_CORRECT, ChartKind.CALIBRATION);
    private static final Set<ChartKind> LEVELLED = EnumSet.of(ChartKind.LENGTH, ChartKind.LENGTH_DIFFICULTY,
            ChartKind.LENGTH_SCATTER, ChartKind.TOKENS, ChartKind.AFTER_FIRST_CORRECT, ChartKind.MARKERS);

    private final ChartsViewModel viewModel;
    private final FileDialogs dialogs;
    private final Consumer<String> announce;
    private final ObservableValue<Boolean> dark;
    private final Parent root;
    private final ChartViewer viewer = new ChartViewer(null, false);
    private final Map<Curve, CheckBox> curves = new EnumMap<>(Curve.class);
    private final ComboBox<String> grader = new ComboBox<>();
    private final ComboBox<String> kMax = new ComboBox<>();
    private final Spinner<Integer> bins = new Spinner<>(2, 200, 10);
    private final ComboBox<String> level = new ComboBox<>();
    private final CheckBox weighted = new CheckBox("bars by summed reward");
    private final ComboBox<String> budgetAxis = new ComboBox<>();
    private final TextField problem = new TextField();
    private final ComboBox<String> preset = new ComboBox<>();
    private final TextField width = new TextField();
    private final TextField height = new TextField();
    private final Spinner<Double> font = new Spinner<>(5.0, 24.0, 8.0, 0.5);
    private final CheckBox serif = new CheckBox("serif font");
    private final ComboBox<Integer> dpi = new ComboBox<>();
    private final ListView<RunSummary> runs = new ListView<>();
    private final List<Node> scalingOnly = new ArrayList<>();
    private final List<Node> binnedOnly = new ArrayList<>();
    private final List<Node> levelledOnly = new ArrayList<>();
    private final List<Node> votesOnly = new ArrayList<>();
    private final List<Node> budgetOnly = new ArrayList<>();
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
    private VBox controls;

    /**
     * @param status where a finished export is announced (the status bar)
     * @param dark   whether the window shows the dark theme: the chart on screen follows it, exports do not
     */
    public ChartsView(ChartsViewModel viewModel, FileDialogs dialogs, Consumer<String> status,
                      ObservableValue<Boolean> dark) {
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
        kinds.setCellFactory(list -> new KindCell());
        kinds.getSelectionModel().select(viewModel.specProperty().get().kind());
        kinds.getSelectionModel().selectedItemProperty().addListener((observable, before, kind) -> {
            if (kind != null) {
                viewModel.choose(kind);
            }
        });
        viewer.setId("chart-viewer");
        viewer.setVisible(false);
        chartSlot.getChildren().add(viewer);
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                open(event);
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
                viewer.setCursor(event.getEntity() instanceof XYItemEntity ? javafx.scene.Cursor.HAND
                        : javafx.scene.Cursor.DEFAULT);
            }
        });
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

    private void open(ChartMouseEventFX event) {
        RenderedChart drawn = viewModel.chartProperty().get();
        if (drawn != null && event.getEntity() instanceof XYItemEntity item) {
            drawn.pointAt(item.getDataset(), item.getSeriesIndex(), item.getItem()).ifPresent(viewModel::open);
        }
    }

    private void buildControls() {
        section("Runs");
        runs.setItems(viewModel.runs());
        runs.setId("chart-runs");
        runs.setPlaceholder(new Label("No runs yet: import run files (Ctrl+I) to chart them."));
        runs.setPrefHeight(150);
        runs.setCellFactory(CheckBoxListCell.forListView(run -> {
            javafx.beans.property.BooleanProperty shown = new javafx.beans.property.SimpleBooleanProperty(
                    viewModel.specProperty().get().runs().contains(run.run().id()));
            shown.addListener((observable, before, after) -> viewModel.overlay(run.run().id(), after));
            return shown;
        }, new javafx.util.StringConverter<>() {
            @Override
            public String toString(RunSummary run) {
                return run == null ? "" : run.run().name();
            }

            @Override
            public RunSummary fromString(String text) {
                return null;
            }
        }));
        controls.getChildren().add(runs);

        section("Grader");
        grader.getItems().add(STORED);
        Grading.offered().forEach(grading -> grader.getItems().add(grading.label()));
        grader.setMaxWidth(Double.MAX_VALUE);
        grader.setOnAction(event -> change(spec -> spec.withGrader(STORED.equals(grader.getValue()) ? null
                : grader.getValue())));
        controls.getChildren().add(grader);

        scalingOnly.add(section("Curves"));
        for (Curve curve : Curve.values()) {
            CheckBox box = new CheckBox(curve.label());
            box.setOnAction(event -> change(spec -> spec.withCurves(chosenCurves())));
            curves.put(curve, box);
            scalingOnly.add(box);
            controls.getChildren().add(box);
        }
        kMax.getItems().add("every k");
        for (int k = 1; k <= 4096; k *= 2) {
            kMax.getItems().add(String.valueOf(k));
        }
        kMax.setOnAction(event -> change(spec -> spec.withKMax(kMax.getValue() == null || kMax.getValue().startsWith("every")
                ? 0 : Integer.parseInt(kMax.getValue()))));
        scalingOnly.add(labelled("k up to", kMax));

        budgetAxis.getItems().setAll("thinking budget", "mean thinking tokens");
        budgetAxis.setOnAction(event -> change(spec -> spec.withBudgetAxis(budgetAxis.getSelectionModel()
                .getSelectedIndex() == 1 ? ChartSpec.BudgetAxis.TOKENS : ChartSpec.BudgetAxis.BUDGET)));
        budgetOnly.add(labelled("x axis", budgetAxis));

        problem.setPromptText("problem key");
        problem.setId("chart-problem");
        problem.setOnAction(event -> change(spec -> spec.withProblem(problem.getText())));
        votesOnly.add(labelled("problem", problem));
        weighted.setOnAction(event -> change(spec -> spec.withWeighted(weighted.isSelected())));
        votesOnly.add(weighted);
        controls.getChildren().add(weighted);

        bins.setEditable(true);
        bins.setPrefWidth(80);
        bins.valueProperty().addListener((observable, before, after) -> change(spec -> spec.withBins(after)));
        binnedOnly.add(labelled("bins", bins));

        level.getItems().setAll(LEVELS);
        level.setOnAction(event -> change(spec -> spec.withLevel(Math.max(0, level.getSelectionModel().getSelectedIndex()))));
        levelledOnly.add(labelled("difficulty", level));

        section("Paper style");
        preset.getItems().setAll(PRESETS);
        preset.setPromptText("custom size");
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.setOnAction(event -> {
            int chosen = preset.getSelectionModel().getSelectedIndex();
            if (chosen >= 0) {
                PaperStyle style = chosen == 0 ? PaperStyle.SINGLE_COLUMN : PaperStyle.DOUBLE_COLUMN;
                change(spec -> spec.withStyle(style.withFont(spec.style().fontPt(), spec.style().serif())));
            }
        });
        controls.getChildren().add(preset);
        width.setPrefColumnCount(5);
        height.setPrefColumnCount(5);
        width.setOnAction(event -> resize());
        height.setOnAction(event -> resize());
        width.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused) {
                resize();
            }
        });
        height.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused) {
                resize();
            }
        });
        labelled("width (cm, or 3.3in)", width);
        labelled("height", height);
        font.setEditable(true);
        font.setPrefWidth(80);
        font.valueProperty().addListener((observable, before, after) -> change(spec ->
                spec.withStyle(spec.style().withFont(after, spec.style().serif()))));
        labelled("font size (pt)", font);
        serif.setOnAction(event -> change(spec -> spec.withStyle(spec.style().withFont(spec.style().fontPt(),
                serif.isSelected()))));
        controls.getChildren().add(serif);

        section("Export");
        dpi.getItems().setAll(150, 300, 600);
        dpi.setValue(300);
        labelled("PNG dpi", dpi);
        Button export = new Button("Export Chart…");
        export.setTooltip(new Tooltip("PDF, SVG or PNG in the paper style, with the CSV of its numbers and a provenance file"));
        export.setId("chart-export");
        export.setMaxWidth(Double.MAX_VALUE);
        export.setOnAction(event -> exportChart());
        Button exportAll = new Button("Export All Charts of Run…");
        exportAll.setTooltip(new Tooltip("Every chart with something to show for this run, into one folder"));
        exportAll.setMaxWidth(Double.MAX_VALUE);
        exportAll.setOnAction(event -> dialogs.folderToExportInto(window()).ifPresent(folder ->
                viewModel.exportAll(folder, dpiValue(), announce)));
        Label also = new Label("A CSV of the plotted numbers and a provenance file are written beside the figure.");
        also.setWrapText(true);
        also.getStyleClass().add("chart-kind-description");
        controls.getChildren().addAll(export, exportAll, also);
    }

    private Label section(String title) {
        Label label = new Label(title);
        label.getStyleClass().add("section");
        controls.getChildren().add(label);
        return label;
    }

    private Node labelled(String text, Node control) {
        VBox box = new VBox(2, new Label(text), control);
        controls.getChildren().add(box);
        return box;
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
            kMax.setValue(spec.kMax() == 0 ? "every k" : String.valueOf(spec.kMax()));
            bins.getValueFactory().setValue(spec.bins());
            level.getSelectionModel().select(Math.min(spec.level(), LEVELS.size() - 1));
            weighted.setSelected(spec.weighted());
            budgetAxis.getSelectionModel().select(spec.budgetAxis() == ChartSpec.BudgetAxis.TOKENS ? 1 : 0);
            problem.setText(spec.problem() == null ? "" : spec.problem());
            PaperStyle style = spec.style();
            preset.getSelectionModel().select(style.widthCm() == PaperStyle.SINGLE_COLUMN.widthCm()
                    && style.heightCm() == PaperStyle.SINGLE_COLUMN.heightCm() ? 0
                    : style.widthCm() == PaperStyle.DOUBLE_COLUMN.widthCm()
                    && style.heightCm() == PaperStyle.DOUBLE_COLUMN.heightCm() ? 1 : -1);
            width.setText(String.format(Locale.ROOT, "%.2f", style.widthCm()));
            height.setText(String.format(Locale.ROOT, "%.2f", style.heightCm()));
            font.getValueFactory().setValue(style.fontPt());
            serif.setSelected(style.serif());
            visible(scalingOnly, SCALING.contains(spec.kind()));
            visible(binnedOnly, BINNED.contains(spec.kind()));
            visible(levelledOnly, LEVELLED.contains(spec.kind()));
            visible(votesOnly, spec.kind() == ChartKind.VOTES);
            visible(budgetOnly, spec.kind() == ChartKind.BUDGET);
            runs.refresh();
        } finally {
            updating = false;
        }
    }

    private static void visible(List<Node> nodes, boolean shown) {
        nodes.forEach(node -> {
            node.setVisible(shown);
            node.setManaged(shown);
        });
    }

    private int dpiValue() {
        return dpi.getValue() == null ? 300 : dpi.getValue();
    }

    private void exportChart() {
        ChartSpec spec = viewModel.specProperty().get();
        dialogs.figureToWrite(window(), spec.kind().id() + ".pdf").ifPresent(file ->
                viewModel.export(ChartFiles.Format.figureFile(file), Set.of(), dpiValue(), announce));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** A chart's title with its one-line description under it. */
    private static final class KindCell extends ListCell<ChartKind> {
        @Override
        protected void updateItem(ChartKind kind, boolean empty) {
            super.updateItem(kind, empty);
            if (empty || kind == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label description = new Label(kind.description());
            description.getStyleClass().add("chart-kind-description");
            description.setWrapText(true);
            description.setMaxWidth(200);
            setText(null);
            setGraphic(new VBox(1, new Label(kind.title()), description));
        }
    }
}
