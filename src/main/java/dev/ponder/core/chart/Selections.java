package dev.ponder.core.chart;

import dev.ponder.core.analysis.RunColumns;
import java.util.Arrays;
import java.util.function.IntPredicate;

/** Builds the {@link Selection} behind a mark from positions in a run's columns. */
final class Selections {
    private Selections() {
    }

    /** These samples (positions in the columns) and their problems. */
    static Selection ofSamples(long runId, String description, RunColumns run, int[] samples) {
        int[] kept = samples.clone();
        return new Selection(runId, description, () -> {
            int[] problemOf = run.problemOfEachSample();
            return Arrays.stream(kept).mapToLong(s -> run.problemId(problemOf[s])).distinct().sorted().toArray();
        }, () -> Arrays.stream(kept).mapToLong(run::sampleId).sorted().toArray());
    }

    /** The samples the predicate keeps. */
    static Selection ofSamples(long runId, String description, RunColumns run, IntPredicate keep) {
        return ofSamples(runId, description, run, java.util.stream.IntStream.range(0, run.samples()).filter(keep).toArray());
    }

    /** Whole problems (positions in the columns) the predicate keeps, worked out when asked for. */
    static Selection ofProblems(long runId, String description, RunColumns run, IntPredicate keep) {
        return new Selection(runId, description, () -> java.util.stream.IntStream.range(0, run.problems()).filter(keep)
                .mapToLong(run::problemId).sorted().toArray(), () -> new long[0]);
    }
}
