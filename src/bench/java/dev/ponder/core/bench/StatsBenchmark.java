package dev.ponder.core.bench;

import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.RunData;
import dev.ponder.core.analysis.RunStats;
import dev.ponder.core.analysis.SampleEfficiency;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.analysis.VoteDistribution;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times the analysis of a synthetic run: its columns built from the sample table (cold) and read from the
 * analysis cache (warm), the overthinking facts (a pass over every trace, then cached), every run-level figure,
 * the whole of {@code ponder stats} from the workspace, and one problem's vote distribution read straight from
 * the sample table. The run is imported once into a workspace kept beside the inputs.
 */
public final class StatsBenchmark {
    private static final int REPEATS = 3;
    private static final int PROBLEM_PROBES = 200;

    /** What was measured, in seconds unless named otherwise. */
    public record Measurement(
            BenchSize size,
            long samples,
            int problems,
            double columnsCold,
            double columnsWarm,
            double overthinkingCold,
            double overthinkingWarm,
            double figuresFirst,
            double figuresBest,
            double statsFirst,
            double statsBest,
            double voteMedianMillis,
            double voteP95Millis,
            double voteMaxMillis,
            double voteFromColumnsMaxMillis) {}

    private StatsBenchmark() {}

    public static Measurement run(BenchSize size, Path directory, TaskContext context) throws IOException {
        Path workspaceFile = directory.resolve("stats-" + size.name().toLowerCase() + ".ponder");
        try (Workspace workspace = Workspace.openOrCreate(workspaceFile)) {
            long runId = runOf(workspace, size, directory, context);
            workspace.write(tables -> {
                tables.analysisRows().invalidate(runId);
                return null;
            });
            StatsOptions options = StatsOptions.DEFAULT;

            long started = System.nanoTime();
            RunColumns columns = RunData.columns(workspace, runId);
            double columnsCold = since(started);
            double columnsWarm = best(() -> RunData.columns(workspace, runId));

            started = System.nanoTime();
            List<SampleEfficiency> efficiency = RunData.efficiency(workspace, runId, options.markers(), context);
            double overthinkingCold = since(started);
            double overthinkingWarm = best(() -> RunData.efficiency(workspace, runId, options.markers(), context));

            started = System.nanoTime();
            RunStats.of(columns, efficiency, options);
            double figuresFirst = since(started);
            double figuresBest = best(() -> RunStats.of(columns, efficiency, options));

            // A fresh JVM pays the first call's compilation here; the figures above warmed it, so "first" is a
            // warm JVM's first read of the run from the workspace.
            started = System.nanoTime();
            statsFromWorkspace(workspace, runId, options);
            double statsFirst = since(started);
            double statsBest = best(() -> statsFromWorkspace(workspace, runId, options));

            double[] votes = new double[PROBLEM_PROBES];
            double fromColumns = 0;
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < PROBLEM_PROBES; i++) {
                int problem = random.nextInt(columns.problems());
                long problemId = columns.problemId(problem);
                long start = System.nanoTime();
                VoteDistribution.of(RunData.problemColumns(workspace, runId, problemId), 0);
                votes[i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                VoteDistribution.of(columns, problem);
                fromColumns = Math.max(fromColumns, (System.nanoTime() - start) / 1e6);
            }
            Arrays.sort(votes);
            return new Measurement(
                    size,
                    columns.samples(),
                    columns.problems(),
                    columnsCold,
                    columnsWarm,
                    overthinkingCold,
                    overthinkingWarm,
                    figuresFirst,
                    figuresBest,
                    statsFirst,
                    statsBest,
                    votes[PROBLEM_PROBES / 2],
                    votes[(int) Math.ceil(PROBLEM_PROBES * 0.95) - 1],
                    votes[PROBLEM_PROBES - 1],
                    fromColumns);
        }
    }

    /** What {@code ponder stats} does: the cached columns and overthinking facts, then every run-level figure. */
    private static RunStats statsFromWorkspace(Workspace workspace, long runId, StatsOptions options) {
        return RunStats.of(
                RunData.columns(workspace, runId),
                RunData.efficiency(workspace, runId, options.markers(), TaskContext.NONE),
                options);
    }

    /** The benchmark run in the workspace, imported from the synthetic lm-eval file the first time. */
    static long runOf(Workspace workspace, BenchSize size, Path directory, TaskContext context) throws IOException {
        List<RunSummary> runs = workspace.runSummaries();
        if (!runs.isEmpty()) {
            return runs.get(0).run().id();
        }
        Path input = ImportBenchmark.input(size, SyntheticRuns.Format.LM_EVAL, directory);
        context.message("Importing " + input + " once for the benchmark");
        return new Importer(workspace)
                .importFile(input, ImportOptions.DEFAULT, context)
                .runId();
    }

    private static double best(Runnable work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            work.run();
            best = Math.min(best, since(started));
        }
        return best;
    }

    private static double since(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
