package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.store.AnalysisRows;
import dev.ponder.core.store.AnalysisRows.ColumnRow;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where figures get a run's data: its compact columns and its samples' overthinking facts, read from the
 * workspace's analysis cache, else built once (the columns from the sample table's small columns, the facts
 * from one pass over the traces) and cached. The analysed samples are each problem's last round (round 0 for
 * runs of one round), by problem and sample index.
 */
public final class RunData {
    static final String COLUMNS = "columns";
    static final String EFFICIENCY = "efficiency";
    static final String FIGURES = "figures";
    static final String OVERTHINKING = "overthinking";
    /** The key of the columns with the stored verdicts (other gradings add their label). */
    private static final String STORED = "v1";

    private static final com.fasterxml.jackson.databind.ObjectMapper FIGURES_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Set<String> CUT_OFF = Set.of("length", "max_tokens", "max_length", "model_length");

    private RunData() {}

    /** The run's compact columns. */
    public static RunColumns columns(Workspace workspace, long runId) {
        return columns(workspace, runId, null);
    }

    /**
     * The run's compact columns with the verdicts of {@code grading} instead of the stored ones (the stored ones
     * when it is {@code null}): for figures under another grader without regrading the run. Cached per grading.
     */
    public static RunColumns columns(Workspace workspace, long runId, Grading grading) {
        String key = grading == null ? STORED : STORED + ":" + grading.label();
        byte[] cached = workspace.read(tables -> tables.analysisRows().cached(runId, COLUMNS, key));
        RunColumns columns = cached == null ? null : ColumnsCodec.decode(cached);
        if (columns != null) {
            return columns;
        }
        RunColumns built = read(workspace, runId, grading);
        byte[] data = ColumnsCodec.encode(built);
        if (!workspace.readOnly()) { // a read-only workspace computes its figures each time
            workspace.write(tables -> {
                tables.analysisRows().cache(runId, COLUMNS, key, data);
                return null;
            });
        }
        return built;
    }

    /** The run's columns read from its sample table, whatever is cached. */
    static RunColumns read(Workspace workspace, long runId, Grading grading) {
        return workspace.read(tables -> build(tables.analysisRows(), runId, null, grading));
    }

    /**
     * Keeps columns gathered while the run's samples were written ({@link ColumnsCollector}) as the run's columns, in
     * the caller's write when there is one (an import's), so the run's figures need no read of its sample table.
     */
    public static void keepColumns(Workspace workspace, long runId, RunColumns columns) {
        byte[] data = ColumnsCodec.encode(columns);
        workspace.write(tables -> {
            tables.analysisRows().cache(runId, COLUMNS, STORED, data);
            return null;
        });
    }

    /**
     * Every run-level figure but overthinking, cached in the workspace beside the columns (and dropped with them when
     * the run changes), so that asking for the same figures again costs a read, not the bootstrap and the Monte-Carlo
     * maj@k again. The cache is keyed by everything that decides the numbers: the options but the markers, and the
     * grading.
     */
    public static RunStats figures(Workspace workspace, long runId, Grading grading, StatsOptions options) {
        String key = "v1:" + options.figuresKey() + (grading == null ? "" : ":" + grading.label());
        return cachedJson(
                        workspace,
                        runId,
                        FIGURES,
                        key,
                        Figures.class,
                        () -> Figures.of(RunStats.of(columns(workspace, runId, grading), null, options)))
                .stats(options);
    }

    /**
     * The run's overthinking figures, cached beside its facts: a read where they were worked out before, else from
     * the facts ({@link #efficiency}: the one pass over the traces the first time).
     */
    public static Overthinking overthinking(
            Workspace workspace, long runId, ReflectionMarkers markers, Grading grading, TaskContext context) {
        String key = "v1:" + markers.fingerprint() + (grading == null ? "" : ":" + grading.label());
        return cachedJson(
                workspace,
                runId,
                OVERTHINKING,
                key,
                Overthinking.class,
                () -> Overthinking.of(efficiency(workspace, runId, markers, grading, context)));
    }

    /**
     * A value kept as JSON in the run's analysis cache: read back where it was written before (by this version of
     * Ponder), else built and written, unless the workspace is read-only or the value cannot be written.
     */
    private static <T> T cachedJson(
            Workspace workspace, long runId, String kind, String key, Class<T> type, Supplier<T> build) {
        byte[] cached = workspace.read(tables -> tables.analysisRows().cached(runId, kind, key));
        if (cached != null) {
            try {
                return FIGURES_JSON.readValue(cached, type);
            } catch (java.io.IOException e) {
                // written by another version of Ponder: worked out again below
            }
        }
        T built = build.get();
        if (!workspace.readOnly()) {
            try {
                byte[] data = FIGURES_JSON.writeValueAsBytes(built);
                workspace.write(tables -> {
                    tables.analysisRows().cache(runId, kind, key, data);
                    return null;
                });
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // a value that cannot be written is worked out each time
            }
        }
        return built;
    }

    /** What {@link #figures} keeps: a run's figures without overthinking and without the options (the key has them). */
    private record Figures(
            int problems,
            int samples,
            int gradedSamples,
            Bootstrap.Interval accuracy,
            List<Integer> ks,
            List<CurvePoint> passAtK,
            MajorityVote.Curves majority,
            BestOfN.Curves bestOfN,
            FirstFinish.Result firstFinish,
            List<LengthAccuracy.Bin> lengthBins,
            List<LengthAccuracy.Bucket> difficulty) {
        static Figures of(RunStats stats) {
            return new Figures(
                    stats.problems(),
                    stats.samples(),
                    stats.gradedSamples(),
                    stats.accuracy(),
                    stats.ks(),
                    stats.passAtK(),
                    stats.majority(),
                    stats.bestOfN(),
                    stats.firstFinish(),
                    stats.lengthBins(),
                    stats.difficulty());
        }

        RunStats stats(StatsOptions options) {
            return new RunStats(
                    problems,
                    samples,
                    gradedSamples,
                    accuracy,
                    ks,
                    passAtK,
                    majority,
                    bestOfN,
                    firstFinish,
                    lengthBins,
                    difficulty,
                    null,
                    options);
        }
    }

    /**
     * Each analysed sample's overthinking facts, in the order of {@link #columns}: from the cache, else from one
     * pass over the traces (reported on {@code context}), with these reflection markers. Intermediate answers are
     * graded with the run's grader where it is one of Ponder's, else with the math grader.
     */
    public static List<SampleEfficiency> efficiency(
            Workspace workspace, long runId, ReflectionMarkers markers, TaskContext context) {
        return efficiency(workspace, runId, markers, null, context);
    }

    /** As {@link #efficiency(Workspace, long, ReflectionMarkers, TaskContext)}, grading with {@code grading}'s grader. */
    public static List<SampleEfficiency> efficiency(
            Workspace workspace, long runId, ReflectionMarkers markers, Grading grading, TaskContext context) {
        String key = "v1:" + markers.fingerprint() + (grading == null ? "" : ":" + grading.label());
        // Screens ask for the same facts at once (the overview and the problems table): one reads the traces,
        // the other waits and then finds them cached.
        return workspace.exclusively(
                "efficiency#" + runId + "#" + key,
                () -> efficiencyOnce(workspace, runId, markers, grading, key, context));
    }

    private static List<SampleEfficiency> efficiencyOnce(
            Workspace workspace,
            long runId,
            ReflectionMarkers markers,
            Grading grading,
            String key,
            TaskContext context) {
        byte[] cached = workspace.read(tables -> tables.analysisRows().cached(runId, EFFICIENCY, key));
        List<SampleEfficiency> facts = cached == null ? null : ColumnsCodec.decodeEfficiency(cached);
        if (facts != null) {
            return facts;
        }
        List<SampleEfficiency> built = workspace.read(tables -> traces(
                tables.analysisRows(),
                tables.runs().find(runId).map(run -> run.grader()).orElse(null),
                runId,
                markers,
                grading,
                context));
        byte[] data = ColumnsCodec.encodeEfficiency(built);
        if (!workspace.readOnly()) {
            workspace.write(tables -> {
                tables.analysisRows().cache(runId, EFFICIENCY, key, data);
                return null;
            });
        }
        return built;
    }

    /**
     * One problem's columns straight from the sample table, for showing a single problem without the whole run:
     * an indexed read of its samples. Empty columns when the run has no sample of it.
     */
    public static RunColumns problemColumns(Workspace workspace, long runId, long problemId) {
        return workspace.read(tables -> build(tables.analysisRows(), runId, problemId, null));
    }

    private static RunColumns build(AnalysisRows rows, long runId, Long problemId, Grading chosen) throws Exception {
        Grading grading = chosen == null ? null : chosen.remembering();
        RunColumns.Builder builder = new RunColumns.Builder();
        long[] problem = {Long.MIN_VALUE};
        int[] round = {0};
        rows.columns(runId, problemId, grading != null, row -> {
            if (row.problemId() != problem[0]) {
                builder.problem(row.problemId());
                problem[0] = row.problemId();
                round[0] = row.round();
            } else if (row.round() != round[0]) {
                builder.restartProblem();
                round[0] = row.round();
            }
            Boolean verdict = grading == null
                    ? row.correct()
                    : grading.verdict(row.fileCorrect(), row.extractedAnswer(), row.gold());
            builder.sample(
                    row.sampleId(),
                    row.sampleIndex(),
                    verdict,
                    row.answerKey(),
                    row.extractedAnswer(),
                    row.score(),
                    row.tokensTotal(),
                    row.tokensThinking(),
                    finished(row));
        });
        return builder.build();
    }

    private static boolean finished(ColumnRow row) {
        return finished(row.truncated(), row.finishReason());
    }

    /** Whether a sample stopped on its own rather than being cut off by a length limit. */
    static boolean finished(boolean truncated, String finishReason) {
        return !truncated && (finishReason == null || !CUT_OFF.contains(finishReason));
    }

    private static List<SampleEfficiency> traces(
            AnalysisRows rows,
            String runGrader,
            long runId,
            ReflectionMarkers markers,
            Grading grading,
            TaskContext context)
            throws Exception {
        Grader grader = Graders.forTraces(grading != null ? grading.label() : runGrader);
        try (EfficiencyPass pass = new EfficiencyPass(markers, grader, rows.sampleCount(runId), context)) {
            rows.traces(runId, pass::accept);
            return pass.finish();
        }
    }
}
