package dev.ponder.app.compute;

import dev.ponder.app.charts.ScreenCharts;
import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.RenderedChart;
import dev.ponder.core.compute.ComputeFrontier;
import dev.ponder.core.compute.ComputeReport;
import dev.ponder.core.compute.ComputeRequest;
import dev.ponder.core.compute.CostAxis;
import dev.ponder.core.compute.CostSettings;
import dev.ponder.core.compute.Method;
import dev.ponder.core.compute.ModelShape;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.Choices;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Compute window's state: the runs compared, how accuracy and cost are counted and problems binned, and what
 * {@code ponder compute-optimal} reports for them (the same service), recomputed in the background on every change;
 * the frontier chart drawn from the same request, exported as every chart is.
 */
public final class ComputeViewModel {
    /** "Each run's model": shapes looked up in the built-in table. */
    public static final String EACH_RUNS_MODEL = "each run's model (built-in table)";

    /** The model choice that stands for the shape entered in the window. */
    public static final String ENTERED = "entered shape";

    /** One budget of the winners table, as shown. */
    public record Row(
            String budget,
            String winner,
            String accuracy,
            String runnerUp,
            String crossValidated,
            String baselineNeeds) {}

    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final List<RunSummary> runs;
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.MAJORITY);
    private final ObjectProperty<CostAxis> axis = new SimpleObjectProperty<>(CostAxis.TOKENS);
    private final StringProperty model = new SimpleStringProperty(EACH_RUNS_MODEL);
    private final ObjectProperty<ModelShape> entered = new SimpleObjectProperty<>();
    private final DoubleProperty intensity = new SimpleDoubleProperty(CostSettings.B200_INTENSITY);
    private final DoubleProperty priceIn = new SimpleDoubleProperty(0);
    private final DoubleProperty priceOut = new SimpleDoubleProperty(0);
    private final StringProperty bins = new SimpleStringProperty("quantile5");
    private final ObjectProperty<RunSummary> baseline = new SimpleObjectProperty<>();
    private final BooleanProperty crossValidate = new SimpleBooleanProperty(true);
    private final StringProperty bin = new SimpleStringProperty("all problems");
    private final ReadOnlyObjectWrapper<ComputeReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RenderedChart> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper laws = new ReadOnlyStringWrapper("");
    private final ObservableList<String> binNames = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private long computations;

    public ComputeViewModel(TaskRunner tasks, WorkspaceSession session, List<RunSummary> runs) {
        this.tasks = tasks;
        this.session = session;
        this.runs = List.copyOf(runs);
        for (javafx.beans.Observable changes :
                List.of(method, axis, model, intensity, priceIn, priceOut, bins, baseline, crossValidate)) {
            changes.addListener(observable -> compute());
        }
        bin.addListener(observable -> fillRows());
        compute();
    }

    public String title() {
        return "Compute-Optimal · " + runs.size() + (runs.size() == 1 ? " run" : " runs");
    }

    public List<RunSummary> runs() {
        return runs;
    }

    /** The models offered: each run's own, then the built-in table (a config.json or GGUF can be typed or chosen). */
    public List<String> models() {
        List<String> models = new ArrayList<>();
        models.add(EACH_RUNS_MODEL);
        models.addAll(Choices.modelShapes());
        return models;
    }

    /**
     * The shape to start editing from: the one entered before, else the model chosen, else the first run's model's
     * (its attributes or the built-in table), else one with nothing known.
     */
    public ModelShape shapeToEdit() {
        if (entered.get() != null) {
            return entered.get();
        }
        String chosen = model.get();
        try {
            if (chosen != null && !chosen.isBlank() && !chosen.equals(EACH_RUNS_MODEL) && !chosen.equals(ENTERED)) {
                return Choices.modelShape(chosen);
            }
        } catch (IllegalArgumentException e) {
            // a choice that names no shape: start from the run's
        }
        return runs.stream()
                .map(run -> Choices.modelShapeFor(run.run()))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElse(new ModelShape("model", 0, 0, 0, 0, 0, 0, "entered"));
    }

    /** Uses a shape entered in the window for every run. */
    public void enter(ModelShape shape) {
        entered.set(shape);
        if (ENTERED.equals(model.get())) {
            compute();
        } else {
            model.set(ENTERED);
        }
    }

    /** The request the window's choices make (its model shape resolved). */
    public ComputeRequest request() {
        String chosen = model.get();
        ModelShape shape = chosen == null || chosen.isBlank() || chosen.equals(EACH_RUNS_MODEL)
                ? null
                : chosen.equals(ENTERED) ? entered.get() : Choices.modelShape(chosen);
        CostSettings cost = new CostSettings(axis.get(), shape, intensity.get(), priceIn.get(), priceOut.get(), null);
        ComputeRequest defaults =
                ComputeRequest.of(runs.stream().map(run -> run.run().id()).toList());
        return new ComputeRequest(
                defaults.runs(),
                method.get(),
                cost,
                bins.get(),
                null,
                baseline.get() == null ? null : baseline.get().run().id(),
                crossValidate.get(),
                null,
                defaults.epsilon(),
                defaults.targetCoverage(),
                defaults.resamples(),
                defaults.seed(),
                defaults.draws());
    }

    private ChartSpec spec(ComputeRequest request) {
        return ChartSpec.of(ChartKind.FRONTIER, request.runs()).withCompute(request);
    }

    private void compute() {
        WorkspaceServices from = session.workspace();
        if (from == null) {
            return;
        }
        ComputeRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        long computation = ++computations;
        status.set("Working out the frontier…");
        tasks.submit(
                "Compute-optimal frontier",
                context -> {
                    ComputeReport computed = from.compute().analyse(request);
                    ChartSpec spec = spec(request);
                    return new Computed(
                            computed, ScreenCharts.render(from.charts().draw(spec, context), spec.style()));
                },
                done -> {
                    if (computation == computations) {
                        report.set(done.report());
                        chart.set(done.chart());
                        show(done.report());
                    }
                },
                error -> {
                    if (computation == computations) {
                        status.set("Cannot work out the frontier: " + error.getMessage());
                    }
                });
    }

    private record Computed(ComputeReport report, RenderedChart chart) {}

    private void show(ComputeReport computed) {
        List<String> names = computed.frontier().bins().stream()
                .map(ComputeFrontier.Bin::name)
                .toList();
        String kept = bin.get();
        binNames.setAll(names);
        bin.set(names.contains(kept) ? kept : names.isEmpty() ? null : names.get(0));
        fillRows();
        List<String> lines = new ArrayList<>();
        computed.costDescription().forEach(line -> lines.add("Cost: " + line));
        lines.add("Bins from " + (computed.reference() == null ? "—" : computed.reference()) + "; baseline "
                + (computed.baseline() == null ? "none" : computed.baseline()));
        lines.addAll(computed.notes());
        computed.coverage().forEach(law -> lines.add(law.describe()));
        computed.families().forEach(family -> lines.addAll(family.describe()));
        for (ComputeFrontier.Bin each : computed.frontier().bins()) {
            if (each.fit() != null) {
                lines.add(String.format(
                        java.util.Locale.ROOT,
                        "%s: frontier ≈ %s, saturated from %s",
                        each.name(),
                        each.fit().equation(),
                        computed.request().cost().axis().format(each.fit().saturation())));
            }
        }
        laws.set(String.join("\n", lines));
        status.set(String.format(
                java.util.Locale.ROOT,
                "%d runs, %,d problems shared by all · %s against %s",
                computed.frontier().runs().size(),
                computed.shared(),
                computed.request().method().label(),
                computed.request().cost().axis().label()));
    }

    private void fillRows() {
        ComputeReport computed = report.get();
        rows.clear();
        if (computed == null || bin.get() == null) {
            return;
        }
        ComputeFrontier frontier = computed.frontier();
        ComputeFrontier.Bin chosen = frontier.bin(bin.get());
        if (chosen == null) {
            return;
        }
        CostAxis costAxis = computed.request().cost().axis();
        double dearest = frontier.dearest();
        for (ComputeFrontier.Winner winner : chosen.winners()) {
            rows.add(new Row(
                    costAxis.format(winner.budget()),
                    frontier.name(winner.best()),
                    ComputeFrontier.percent(winner.best().accuracy(), winner.low(), winner.high()),
                    frontier.name(winner.runnerUp()),
                    ComputeFrontier.percent(winner.crossValidated(), Double.NaN, Double.NaN),
                    winner.matching().describe(dearest, winner.best().cost())));
        }
    }

    /** Exports the frontier chart as every chart: the figure, its CSV and provenance (with this request). */
    public void export(Path figure, Consumer<String> done) {
        WorkspaceServices from = session.workspace();
        if (from == null) {
            return;
        }
        ChartSpec spec;
        try {
            spec = spec(request());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        ScreenCharts.export(tasks, from, spec, figure, Set.of(), done, notice::set);
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public ObjectProperty<CostAxis> axisProperty() {
        return axis;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public DoubleProperty intensityProperty() {
        return intensity;
    }

    public DoubleProperty priceInProperty() {
        return priceIn;
    }

    public DoubleProperty priceOutProperty() {
        return priceOut;
    }

    public StringProperty binsProperty() {
        return bins;
    }

    public ObjectProperty<RunSummary> baselineProperty() {
        return baseline;
    }

    public BooleanProperty crossValidateProperty() {
        return crossValidate;
    }

    /** The bin whose winners the table shows. */
    public StringProperty binProperty() {
        return bin;
    }

    public ObservableList<String> binNames() {
        return binNames;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<ComputeReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RenderedChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The coverage laws, saturation fits and s1's numbers, a line each. */
    public ReadOnlyStringProperty lawsProperty() {
        return laws.getReadOnlyProperty();
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }
}
