package dev.ponder.core.bench;

import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.analysis.ProblemTable;
import dev.ponder.core.analysis.RunData;
import dev.ponder.core.analysis.VoteDistribution;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.SampleLine;
import dev.ponder.core.store.SampleRepository;
import dev.ponder.core.store.TraceSearch;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import dev.ponder.core.trace.TraceHighlights;
import dev.ponder.core.trace.TraceReading;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times the work behind the workbench's screens on a synthetic run (the workspace {@code ponder bench stats} keeps):
 * filling the problems table (cached columns, problem texts, tags, every row's figures); moving the selection to
 * another problem (its samples listed, its votes counted, its first trace read and highlighted, as the samples
 * pane and the inspector do); and searching every trace for phrases. This is the background work; the FX thread
 * then only swaps lists and text, which {@code -Dponder.latency=true} measures in the running app.
 */
public final class WorkbenchBenchmark {
    /** Phrases a researcher looks for; the synthetic traces hold some of them. */
    public static final List<String> PHRASES = List.of(
            "let me reconsider",
            "I made a mistake",
            "wait",
            "let me double-check the carry",
            "does not look right",
            "alternatively");

    private static final int PROBES = 200;
    private static final int REPEATS = 3;

    /** What was measured: seconds for the table, milliseconds for the rest. */
    public record Measurement(
            BenchSize size,
            long samples,
            int problems,
            double tableFirst,
            double tableBest,
            double selectMedianMillis,
            double selectP95Millis,
            double selectMaxMillis,
            List<PhraseTiming> search) {}

    /** One phrase searched across the workspace: its hits (up to the limit) and the time taken. */
    public record PhraseTiming(String phrase, int hits, double millis) {}

    private WorkbenchBenchmark() {}

    public static Measurement run(BenchSize size, Path directory, int searchLimit, TaskContext context)
            throws IOException {
        Path workspaceFile = directory.resolve("stats-" + size.name().toLowerCase() + ".ponder");
        try (Workspace workspace = Workspace.openOrCreate(workspaceFile)) {
            long runId = StatsBenchmark.runOf(workspace, size, directory, context);
            RunData.columns(workspace, runId); // the cache a first look at the run leaves behind

            long started = System.nanoTime();
            List<ProblemRow> rows = ProblemTable.load(workspace, runId);
            double tableFirst = since(started);
            double tableBest = Double.MAX_VALUE;
            for (int i = 0; i < REPEATS; i++) {
                started = System.nanoTime();
                ProblemTable.load(workspace, runId);
                tableBest = Math.min(tableBest, since(started));
            }

            double[] select = new double[PROBES];
            SplittableRandom random = new SplittableRandom(11);
            for (int i = 0; i < PROBES; i++) {
                ProblemRow row = rows.get(random.nextInt(rows.size()));
                started = System.nanoTime();
                selectProblem(workspace, runId, row.problemId());
                select[i] = since(started) * 1000;
            }
            Arrays.sort(select);

            List<PhraseTiming> search = new ArrayList<>();
            for (String phrase : PHRASES) {
                started = System.nanoTime();
                int hits = workspace
                        .read(tables -> tables.traceSearch().query(TraceSearch.queryFor(phrase), searchLimit))
                        .size();
                search.add(new PhraseTiming(phrase, hits, since(started) * 1000));
            }
            return new Measurement(
                    size,
                    workspace.runSummaries().get(0).samples(),
                    rows.size(),
                    tableFirst,
                    tableBest,
                    select[PROBES / 2],
                    select[(int) Math.ceil(PROBES * 0.95) - 1],
                    select[PROBES - 1],
                    search);
        }
    }

    /** What a new problem selection loads: the samples pane's lists and votes, the inspector's first trace. */
    private static void selectProblem(Workspace workspace, long runId, long problemId) {
        VoteDistribution.of(RunData.problemColumns(workspace, runId, problemId), 0);
        workspace.read(tables -> {
            SampleRepository samples = tables.samples();
            List<SampleLine> lines = samples.linesOfProblem(runId, problemId);
            tables.tags().tagsBySampleOfProblem(runId, problemId);
            Sample first = samples.find(lines.get(0).id()).orElseThrow();
            TraceReading reading = TraceReading.of(
                    first,
                    null,
                    Graders.MATH,
                    ReflectionMarkers.DEFAULT,
                    samples.steps(first.id()),
                    samples.segments(first.id()));
            return TraceHighlights.of(reading, List.of());
        });
    }

    private static double since(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
