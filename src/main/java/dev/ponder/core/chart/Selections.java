package dev.ponder.core.chart;

import dev.ponder.core.analysis.RunColumns;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** Builds the {@link Selection} behind a mark from positions in a run's columns. */
final class Selections {
    private Selections() {}

    /** These samples (positions in the columns) and their problems. */
    static Selection ofSamples(long runId, String description, RunColumns run, int[] samples) {
        int[] kept = samples.clone();
        return ofPositions(runId, description, run, () -> kept);
    }

    /** The samples the predicate keeps, found only when the selection is opened. */
    static Selection ofSamples(long runId, String description, RunColumns run, IntPredicate keep) {
        return ofSamples(runId, description, run, 0, run.samples(), keep);
    }

    /** The samples at positions {@code from} to {@code to} (exclusive) the predicate keeps, found when opened. */
    static Selection ofSamples(long runId, String description, RunColumns run, int from, int to, IntPredicate keep) {
        int[][] found = new int[1][];
        return ofPositions(runId, description, run, () -> {
            synchronized (found) {
                if (found[0] == null) {
                    found[0] = IntStream.range(from, to).filter(keep).toArray();
                }
                return found[0];
            }
        });
    }

    private static Selection ofPositions(long runId, String description, RunColumns run, Supplier<int[]> positions) {
        return new Selection(
                runId,
                description,
                () -> {
                    int[] problemOf = run.problemOfEachSample();
                    return Arrays.stream(positions.get())
                            .mapToLong(s -> run.problemId(problemOf[s]))
                            .distinct()
                            .sorted()
                            .toArray();
                },
                () -> Arrays.stream(positions.get())
                        .mapToLong(run::sampleId)
                        .sorted()
                        .toArray());
    }

    /** Whole problems (positions in the columns) the predicate keeps, worked out when asked for. */
    static Selection ofProblems(long runId, String description, RunColumns run, IntPredicate keep) {
        return new Selection(
                runId,
                description,
                () -> IntStream.range(0, run.problems())
                        .filter(keep)
                        .mapToLong(run::problemId)
                        .sorted()
                        .toArray(),
                () -> new long[0]);
    }
}
