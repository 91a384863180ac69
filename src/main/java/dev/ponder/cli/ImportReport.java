package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.Plural;
import dev.ponder.core.analysis.CurvePoint;
import dev.ponder.core.analysis.FirstFigures;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.ingest.record.SkippedRecord;
import dev.ponder.core.service.WorkspaceServices;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What {@code ponder import} says about each file it imported: a line of figures and what it skipped, or JSON. */
final class ImportReport {
    private ImportReport() {}

    static void describe(PrintWriter out, Path file, ImportResult result) {
        out.printf(
                Locale.ROOT,
                "Imported %s as %s \"%s\" (%s): %s, %s, %s, %,d skipped, %s; %.1f MB in %.2f s (%.1f MB/s, "
                        + "%,.0f samples/s)%n",
                file.getFileName(),
                result.runIds().size() > 1
                        ? "runs "
                                + result.runIds().stream()
                                        .map(String::valueOf)
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + ", one per budget, of the sweep"
                        : "run " + result.runId(),
                result.runName(),
                result.recognised(),
                Plural.of(result.problems(), "problem"),
                Plural.of(result.samples(), "sample"),
                Plural.of(result.treeNodes(), "tree node"),
                result.skippedCount(),
                Plural.of(result.warningCount(), "warning"),
                result.bytes() / 1e6,
                result.elapsed().toNanos() / 1e9,
                result.megabytesPerSecond(),
                result.samplesPerSecond());
        for (SkippedRecord skipped : result.skipped()) {
            out.println("  skipped " + skipped);
        }
        for (SkippedRecord warning : result.warnings()) {
            out.println("  kept, with a warning: " + warning);
        }
        if (result.skippedCount() > result.skipped().size()) {
            out.printf(
                    Locale.ROOT,
                    "  … and %,d more skipped%n",
                    result.skippedCount() - result.skipped().size());
        }
        out.flush();
    }

    /**
     * The run's first figures, printed as soon as it is committed (its traces are indexed after): accuracy, pass@k and
     * maj@k of the first k samples; a line per figure, each run of a sweep on its own.
     */
    static void firstFigures(PrintWriter out, WorkspaceServices workspace, ImportResult result) {
        if (result.samples() == 0) {
            return;
        }
        for (long runId : result.runIds()) {
            String run = result.runIds().size() > 1 ? "run " + runId + ": " : "";
            print(out, run, workspace.analysis().firstFigures(runId, StatsOptions.DEFAULT));
        }
        out.flush();
    }

    /** The figures an Inspect log's summaries give, printed before its samples are read. */
    static void summaryFigures(PrintWriter out, PlannedFile file, FirstFigures figures) {
        out.println("Figures of " + file.file().getFileName() + " from its summaries (its samples are read next):");
        print(out, "", figures);
        out.flush();
    }

    private static void print(PrintWriter out, String run, FirstFigures figures) {
        out.printf(
                Locale.ROOT,
                "  %saccuracy %s over %s of %s%n",
                run,
                StatsReport.percent(figures.accuracy()),
                Plural.of(figures.gradedSamples(), "graded sample"),
                Plural.of(figures.problems(), "problem"));
        out.println("  " + run + "pass@k  " + curve(figures.passAtK()));
        if (!figures.majorityFirstK().isEmpty()) {
            out.println("  " + run + "maj@k   " + curve(figures.majorityFirstK()) + "  (first k samples)");
        }
    }

    private static String curve(List<CurvePoint> points) {
        return points.stream()
                .map(point -> point.k() + ": " + StatsReport.percent(point.value()))
                .collect(java.util.stream.Collectors.joining("  "));
    }

    static ObjectNode document(WorkspaceServices workspace, List<ImportResult> imported, List<String[]> failed) {
        ObjectNode root = JsonOutput.object();
        root.put("workspace", workspace.file().toString());
        ArrayNode runs = root.putArray("imported");
        for (ImportResult result : imported) {
            ObjectNode item = runs.addObject();
            item.put("run_id", result.runId());
            item.put("name", result.runName());
            item.put("format", result.format());
            item.put("recognised", result.recognised());
            item.put("sha256", result.sha256());
            item.put("problems", result.problems());
            item.put("samples", result.samples());
            item.put("tree_nodes", result.treeNodes());
            item.put("bytes", result.bytes());
            item.put("seconds", result.elapsed().toNanos() / 1e9);
            item.put("skipped_count", result.skippedCount());
            item.put("warning_count", result.warningCount());
            ArrayNode skipped = item.putArray("skipped");
            result.skipped()
                    .forEach(record -> skipped.addObject()
                            .put("location", record.location())
                            .put("reason", record.reason()));
        }
        ArrayNode failures = root.putArray("failed");
        for (String[] failure : failed) {
            failures.addObject().put("file", failure[0]).put("error", failure[1]);
        }
        return root;
    }
}
