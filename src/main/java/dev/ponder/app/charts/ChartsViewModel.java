package dev.ponder.app.charts;

import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.Plural;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.PlotData;
import dev.ponder.core.chart.RenderedChart;
import dev.ponder.core.chart.Selection;
import dev.ponder.core.export.ChartFiles;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskRunner;
import dev.ponder.core.trace.ReflectionMarkers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * One chart at a time: its spec (chart, runs overlaid, grader, options, paper style), the chart drawn from it in
 * the background whenever it changes, what clicking a mark opens, and export. The runs follow the run browser's
 * selection until the user overlays more than one; the vote chart follows the problem selected in the workbench.
 * Choices are remembered per chart.
 */
public final class ChartsViewModel {
    /** The window draws larger than paper: fonts at least this size in pixels. */
    private final TaskRunner tasks;

    private final WorkspaceSession session;
    private final ChartMemory memory;
    private final Supplier<ReflectionMarkers> markers;
    private final ObservableList<RunSummary> runs;
    /** The group a budget curve last followed, so that it keeps following the browser. */
    private List<Long> lastFollowed;

    private final ObjectProperty<ChartSpec> spec = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<RenderedChart> chart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BooleanProperty showing = new SimpleBooleanProperty(true);
    private TaskHandle drawing;
    private long draws;
    /** A draw was asked for while the charts were not on screen: done when they come back. */
    private boolean stale;

    private Consumer<Selection> opener = selection -> {};
    private String workbenchProblem;

    /**
     * @param browserRun the run browser's selection, which a chart of one run follows
     * @param problemKey the key of the problem selected in the workbench, which the vote chart follows
     */
    public ChartsViewModel(
            TaskRunner tasks,
            WorkspaceSession session,
            ChartMemory memory,
            Supplier<ReflectionMarkers> markers,
            ObservableValue<RunSummary> browserRun,
            ObservableList<RunSummary> runs,
            ObservableValue<String> problemKey) {
        this.tasks = tasks;
        this.session = session;
        this.memory = memory;
        this.markers = markers;
        this.runs = runs;
        spec.set(memory.recall(ChartKind.SCALING)
                .orElse(ChartSpec.of(ChartKind.SCALING, List.of()).withStyle(memory.defaultStyle()))
                .withRuns(List.of()));
        spec.addListener((observable, before, after) -> {
            if (after != null) {
                memory.remember(after);
                draw();
            }
        });
        browserRun.addListener((observable, before, after) -> follow(after));
        follow(browserRun.getValue());
        problemKey.addListener((observable, before, key) -> {
            workbenchProblem = key;
            if (key != null
                    && spec.get().kind() == ChartKind.VOTES
                    && !key.equals(spec.get().problem())) {
                spec.set(spec.get().withProblem(key));
            }
        });
        workbenchProblem = problemKey.getValue();
        session.revisionProperty().addListener((observable, before, after) -> draw());
        showing.addListener((observable, before, shown) -> {
            if (shown && stale) {
                draw();
            }
        });
    }

    /** The chart's spec; the view changes it with its {@code with...} methods. */
    public ObjectProperty<ChartSpec> specProperty() {
        return spec;
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    /** The chart as drawn for the window, or {@code null} while there is none. */
    public ReadOnlyObjectProperty<RenderedChart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    /** What the chart rests on and how long it took, or why there is none. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** Where clicking a mark goes: the workbench, showing the problems and samples behind it. */
    public void onOpen(Consumer<Selection> action) {
        opener = action;
    }

    /** Shows another chart, with the choices last made for it and the runs of this one. */
    public void choose(ChartKind kind) {
        ChartSpec current = spec.get();
        if (current.kind() == kind) {
            return;
        }
        ChartSpec recalled = memory.recall(kind).orElse(ChartSpec.of(kind, List.of()));
        String problem = workbenchProblem != null
                ? workbenchProblem
                : current.problem() != null ? current.problem() : recalled.problem();
        List<Long> chosen = current.runs();
        if (kind == ChartKind.BUDGET && chosen.size() == 1) {
            chosen = followed(chosen.get(0));
            lastFollowed = chosen.size() > 1 ? chosen : null;
        }
        spec.set(recalled.withRuns(chosen).withProblem(problem).withStyle(current.style()));
    }

    /**
     * The runs a chart of one run shows: the run, or for the budget curve every run of its group (a budget sweep
     * is one run per budget), in the browser's order.
     */
    private List<Long> followed(long runId) {
        RunSummary run = runs.stream()
                .filter(summary -> summary.run().id() == runId)
                .findFirst()
                .orElse(null);
        String group = run == null ? null : run.run().params().get("group");
        if (group == null) {
            return List.of(runId);
        }
        return runs.stream()
                .filter(summary -> group.equals(summary.run().params().get("group")))
                .map(summary -> summary.run().id())
                .toList();
    }

    /** Whether a run is overlaid; overlaying keeps the chart's runs when the browser's selection moves. */
    public void overlay(long runId, boolean shown) {
        List<Long> chosen = new ArrayList<>(spec.get().runs());
        chosen.remove(runId);
        if (shown) {
            chosen.add(runId);
        }
        spec.set(spec.get().withRuns(chosen));
    }

    /** Opens what is behind a mark in the workbench. */
    public void open(PlotData.Point point) {
        if (point != null && point.selection() != null) {
            opener.accept(point.selection());
        }
    }

    /** Draws the chart again from the workspace (after a change the session did not announce). */
    public void redraw() {
        if (session.workspace() != null) {
            session.workspace().charts().forget();
        }
        draw();
    }

    /** Uses this paper style from now on (a new default saved in Settings). */
    public void useStyle(dev.ponder.core.chart.PaperStyle style) {
        if (!style.equals(spec.get().style())) {
            spec.set(spec.get().withStyle(style));
        }
    }

    /** Draws the chart again from what was read already (for a change of look, not of data). */
    public void repaint() {
        draw();
    }

    private void follow(RunSummary run) {
        if (run == null) {
            return;
        }
        List<Long> chosen = spec.get().runs();
        if (chosen.size() <= 1 || chosen.equals(lastFollowed)) {
            List<Long> next = spec.get().kind() == ChartKind.BUDGET
                    ? followed(run.run().id())
                    : List.of(run.run().id());
            lastFollowed = next.size() > 1 ? next : null;
            if (!chosen.equals(next)) {
                spec.set(spec.get().withRuns(next));
            }
        }
    }

    /**
     * Whether the charts are on screen (true unless told otherwise). While they are not, nothing is drawn: a chart of a
     * million samples costs seconds of both cores, which the screen the user looks at needs more.
     */
    public BooleanProperty showingProperty() {
        return showing;
    }

    private void draw() {
        if (drawing != null) {
            drawing.cancel();
        }
        if (!showing.get()) {
            stale = true;
            drawing = null;
            busy.set(false);
            return;
        }
        stale = false;
        ChartSpec current = spec.get().withMarkers(markers.get().phrases());
        long draw = ++draws;
        if (session.workspace() == null || current.runs().isEmpty()) {
            chart.set(null);
            status.set(session.workspace() == null ? "" : "Choose a run to chart");
            return;
        }
        WorkspaceServices from = session.workspace();
        busy.set(true);
        status.set("Drawing " + current.kind().title() + "…");
        long started = System.nanoTime();
        // Drawn and rendered in the background: the FX thread only puts the finished chart on screen.
        drawing = tasks.submit(
                "Chart: " + current.kind().title(),
                context -> {
                    PlotData data = from.charts().draw(current, context);
                    return new Drawn(data, ScreenCharts.render(data, current.style()));
                },
                drawn -> {
                    if (draw != draws) {
                        return;
                    }
                    busy.set(false);
                    chart.set(drawn.chart());
                    status.set(describe(drawn.data(), (System.nanoTime() - started) / 1e9));
                },
                error -> {
                    if (draw != draws) {
                        return;
                    }
                    busy.set(false);
                    chart.set(null);
                    status.set("Cannot draw this chart: " + error.getMessage());
                });
    }

    private record Drawn(PlotData data, RenderedChart chart) {}

    private static String describe(PlotData data, double seconds) {
        long points = data.panels().stream()
                .flatMap(panel -> panel.series().stream())
                .filter(series -> series.mark() != PlotData.Mark.REFERENCE)
                .mapToLong(series -> series.points().size())
                .sum();
        StringBuilder line =
                new StringBuilder(String.format(Locale.ROOT, "%,d points · drawn in %.2f s", points, seconds));
        if (points == 0) {
            line.insert(0, "Nothing to plot · ");
        }
        data.notes().forEach(note -> line.append(" · ").append(note));
        return line.toString();
    }

    /**
     * Exports the chart at its paper size to {@code figure} (format by extension) with the CSV and provenance
     * beside it, plus the other formats given.
     */
    public void export(Path figure, Set<ChartFiles.Format> also, int dpi, Consumer<String> done) {
        ChartSpec current = spec.get().withMarkers(markers.get().phrases());
        WorkspaceServices from = session.workspace();
        if (from == null) {
            return;
        }
        tasks.submit(
                "Exporting " + current.kind().title(),
                context -> from.charts().export(current, figure, also, dpi, context),
                result -> done.accept("Exported "
                        + String.join(
                                ", ",
                                result.files().stream()
                                        .map(file -> file.getFileName().toString())
                                        .toList()) + " to "
                        + figure.toAbsolutePath().getParent()),
                error -> notice.set(Notice.error("Cannot export the chart", error)));
    }

    /** Exports every chart of the first run overlaid (as PDF and PNG) into a folder. */
    public void exportAll(Path folder, int dpi, Consumer<String> done) {
        ChartSpec current = spec.get().withMarkers(markers.get().phrases());
        if (current.runs().isEmpty()) {
            return;
        }
        ChartSpec template = current.withRuns(List.of(current.runs().get(0)));
        WorkspaceServices from = session.workspace();
        if (from == null) {
            return;
        }
        tasks.submit(
                "Exporting every chart",
                context -> from.charts()
                        .exportAll(
                                template,
                                folder,
                                new java.util.LinkedHashSet<>(List.of(ChartFiles.Format.PDF, ChartFiles.Format.PNG)),
                                dpi,
                                context),
                results -> done.accept(String.format(
                        Locale.ROOT,
                        "Exported %s to %s",
                        Plural.of(
                                results.stream()
                                        .filter(result -> !result.files().isEmpty())
                                        .count(),
                                "chart"),
                        folder)),
                error -> notice.set(Notice.error("Cannot export the charts", error)));
    }
}
