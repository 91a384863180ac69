package dev.ponder.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Accuracy against length: graded samples with token counts sorted by tokens (thinking tokens where known)
 * and cut into bins of equal count, each with its accuracy and an exact bootstrap 95% interval over its samples
 * ({@link Bootstrap#binary}); and
 * the same within difficulty buckets, a problem's difficulty being its pass rate (the share of its graded
 * samples that are correct), bucketed at quintiles of the pass rates or at edges the user sets. Bucket 1 holds
 * the easiest problems, as in search-and-learn's levels.
 */
public final class LengthAccuracy {
    private LengthAccuracy() {}

    /** One length bin. */
    public record Bin(int minTokens, int maxTokens, double meanTokens, int samples, Bootstrap.Interval accuracy) {}

    /** One difficulty bucket: pass rates in {@code [low, high]}, its problems and its length bins. */
    public record Bucket(int level, double low, double high, int problems, List<Bin> bins) {}

    public static List<Bin> bins(RunColumns run, int binCount) {
        return bins(run, sample -> true, binCount);
    }

    /**
     * Difficulty buckets with their length bins.
     *
     * @param edges pass-rate edges between buckets in increasing order, or {@code null} for quintiles
     */
    public static List<Bucket> byDifficulty(RunColumns run, double[] edges, int binCount) {
        double[] cuts = cuts(run, edges);
        int[] level = levels(run, cuts);
        int levels = cuts.length + 1;
        int[] problemOfSample = run.problemOfEachSample();
        List<Bucket> buckets = new ArrayList<>();
        for (int l = 1; l <= levels; l++) {
            int current = l;
            int problems =
                    (int) Arrays.stream(level).filter(value -> value == current).count();
            double low = current == levels ? 0 : cuts[levels - current - 1];
            double high = current == 1 ? 1 : cuts[levels - current];
            buckets.add(new Bucket(
                    current,
                    low,
                    high,
                    problems,
                    bins(run, sample -> level[problemOfSample[sample]] == current, binCount)));
        }
        return buckets;
    }

    private static List<Bin> bins(RunColumns run, IntPredicate include, int binCount) {
        long[] keyed = sorted(run, include);
        int n = keyed.length;
        List<Bin> bins = new ArrayList<>();
        int count = Math.min(binCount, n);
        for (int b = 0; b < count; b++) {
            int from = (int) ((long) b * n / count);
            int to = (int) ((long) (b + 1) * n / count);
            int correct = 0;
            long tokens = 0;
            for (int i = from; i < to; i++) {
                correct += run.correct[(int) keyed[i]];
                tokens += keyed[i] >>> 32;
            }
            bins.add(new Bin(
                    (int) (keyed[from] >>> 32),
                    (int) (keyed[to - 1] >>> 32),
                    (double) tokens / (to - from),
                    to - from,
                    Bootstrap.binary(correct, to - from)));
        }
        return bins;
    }

    /**
     * The sample positions in each length bin, as {@link #bins} or a bucket of {@link #byDifficulty} cuts them
     * (samples of equal length split between bins as the sort leaves them).
     *
     * @param level a difficulty level whose bins to give, or 0 for the run's bins
     */
    public static int[][] members(RunColumns run, int level, double[] edges, int binCount) {
        IntPredicate include = sample -> true;
        if (level > 0) {
            int[] levels = difficultyLevels(run, edges);
            int[] problemOfSample = run.problemOfEachSample();
            include = sample -> levels[problemOfSample[sample]] == level;
        }
        long[] keyed = sorted(run, include);
        int n = keyed.length;
        int count = Math.min(binCount, n);
        int[][] members = new int[count][];
        for (int b = 0; b < count; b++) {
            int from = (int) ((long) b * n / count);
            int to = (int) ((long) (b + 1) * n / count);
            members[b] = new int[to - from];
            for (int i = from; i < to; i++) {
                members[b][i - from] = (int) keyed[i];
            }
        }
        return members;
    }

    /** Graded samples with a token count, as (tokens, sample) packed into longs and sorted. */
    private static long[] sorted(RunColumns run, IntPredicate include) {
        // Packed and unboxed: a million samples sort in milliseconds.
        long[] keyed = new long[run.samples()];
        int n = 0;
        for (int s = 0; s < run.samples(); s++) {
            if (include.test(s) && run.correct[s] != RunColumns.UNGRADED && run.thinkingOrTotal(s) >= 0) {
                keyed[n++] = (long) run.thinkingOrTotal(s) << 32 | s;
            }
        }
        Arrays.sort(keyed, 0, n);
        return Arrays.copyOf(keyed, n);
    }

    /**
     * Each problem's difficulty level, 1 (easiest, highest pass rate) up, or -1 when it has no graded sample.
     *
     * @param edges pass-rate edges between levels in increasing order, or {@code null} for quintiles
     */
    public static int[] difficultyLevels(RunColumns run, double[] edges) {
        return levels(run, cuts(run, edges));
    }

    private static double[] cuts(RunColumns run, double[] edges) {
        return edges != null ? edges.clone() : quintiles(passRates(run));
    }

    private static double[] passRates(RunColumns run) {
        double[] passRate = new double[run.problems()];
        for (int p = 0; p < run.problems(); p++) {
            int graded = run.gradedCount(p);
            passRate[p] = graded == 0 ? Double.NaN : (double) run.correctCount(p) / graded;
        }
        return passRate;
    }

    private static int[] levels(RunColumns run, double[] cuts) {
        double[] passRate = passRates(run);
        int[] level = new int[run.problems()];
        int levels = cuts.length + 1;
        for (int p = 0; p < run.problems(); p++) {
            if (Double.isNaN(passRate[p])) {
                level[p] = -1;
                continue;
            }
            int below = 0;
            while (below < cuts.length && passRate[p] >= cuts[below]) {
                below++;
            }
            level[p] = levels - below; // high pass rate = level 1 (easiest)
        }
        return level;
    }

    /** The 20th, 40th, 60th and 80th percentiles of the pass rates (numpy's linear interpolation). */
    static double[] quintiles(double[] passRates) {
        double[] sorted = Arrays.stream(passRates)
                .filter(value -> !Double.isNaN(value))
                .sorted()
                .toArray();
        if (sorted.length == 0) {
            return new double[] {0.2, 0.4, 0.6, 0.8};
        }
        return new double[] {
            Bootstrap.percentile(sorted, 20),
            Bootstrap.percentile(sorted, 40),
            Bootstrap.percentile(sorted, 60),
            Bootstrap.percentile(sorted, 80)
        };
    }
}
