package dev.ponder.core.bench;

import dev.ponder.core.chart.ChartBuilder;
import dev.ponder.core.chart.ChartInputs;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartRenderer;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.chart.PlotData;
import dev.ponder.core.chart.RenderedChart;
import dev.ponder.core.export.ChartExport;
import dev.ponder.core.export.ChartFiles;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times every chart of a synthetic run as the app draws it (numbers worked out, chart built) and as a paper
 * gets it (PDF, and a 300-dpi PNG of a double-column figure), on the workspace {@code bench stats} keeps, with
 * its cached columns and trace facts in place as after a first look at the run.
 */
public final class ChartBenchmark {
    private ChartBenchmark() {}

    /**
     * One chart's timings in seconds: drawn in a fresh session (the run's columns read from the workspace's
     * cache), drawn again with them in memory, exported to PDF, and to a 300-dpi double-column PNG.
     */
    public record Timing(
            ChartKind kind, long points, double first, double again, double pdf, double png, String note) {}

    public static List<Timing> run(BenchSize size, Path directory, Path figures, TaskContext context)
            throws IOException {
        Path workspaceFile = directory.resolve("stats-" + size.name().toLowerCase() + ".ponder");
        Path out = figures != null ? figures : Files.createTempDirectory("ponder-chart-bench");
        Files.createDirectories(out);
        List<Timing> timings = new ArrayList<>();
        try (Workspace workspace = Workspace.openOrCreate(workspaceFile)) {
            long runId = StatsBenchmark.runOf(workspace, size, directory, context);
            ChartInputs warm = new ChartInputs(workspace);
            ChartSpec template = ChartSpec.of(ChartKind.SCALING, List.of(runId));
            // Columns and trace facts cached in the workspace, as a first look at the run leaves them.
            ChartBuilder.build(template.withKind(ChartKind.MARKERS), warm, context);
            for (ChartKind kind : ChartKind.values()) {
                ChartSpec spec = template.withKind(kind);
                if (kind == ChartKind.VOTES) {
                    spec = spec.withProblem(ChartExport.mostContested(warm, spec));
                }
                long started = System.nanoTime();
                PlotData data = ChartBuilder.build(spec, new ChartInputs(workspace), context);
                RenderedChart drawn = ChartRenderer.render(data, spec.style(), 12, true);
                double first = since(started);
                started = System.nanoTime();
                PlotData again = ChartBuilder.build(spec, warm, context);
                ChartRenderer.render(again, spec.style(), 12, true);
                double second = since(started);
                long points = data.panels().stream()
                        .flatMap(panel -> panel.series().stream())
                        .mapToLong(series -> series.points().size())
                        .sum();
                if (!ChartExport.hasMarks(data)) {
                    timings.add(new Timing(
                            kind, 0, first, second, Double.NaN, Double.NaN, String.join("; ", data.notes())));
                    continue;
                }
                RenderedChart paper = ChartRenderer.render(data, spec.style());
                started = System.nanoTime();
                ChartFiles.write(
                        paper.chart(), spec.style(), ChartFiles.Format.PDF, 300, out.resolve(kind.id() + ".pdf"));
                double pdf = since(started);
                started = System.nanoTime();
                RenderedChart wide = ChartRenderer.render(data, PaperStyle.DOUBLE_COLUMN);
                ChartFiles.write(
                        wide.chart(),
                        PaperStyle.DOUBLE_COLUMN,
                        ChartFiles.Format.PNG,
                        300,
                        out.resolve(kind.id() + ".png"));
                double png = since(started);
                timings.add(new Timing(
                        kind,
                        points,
                        first,
                        second,
                        pdf,
                        png,
                        drawn.data().notes().isEmpty()
                                ? ""
                                : String.join("; ", drawn.data().notes())));
            }
        }
        return timings;
    }

    private static double since(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
