package dev.ponder.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Run B against run A at one k, paired on the shared problems with at least k graded samples in both: the difference
 * of pass@k (the unbiased estimator per problem) and of maj@k over each problem's first k samples, each with its
 * standard error and bootstrap interval over problems, as {@link RunComparison} does for pass rates.
 *
 * @param k        samples per problem
 * @param problems shared problems with at least k graded samples in both runs
 * @param passAtK  mean of pass@k_B − pass@k_A
 * @param majAtK   mean of maj@k_B − maj@k_A over the problems where both majorities count
 * @param levels   the same within each difficulty level of A (its pass-rate quintiles, level 1 easiest)
 */
public record PairedAtK(int k, int problems, Difference passAtK, Difference majAtK, List<Level> levels) {

    /** The paired differences at k within one difficulty level of run A. */
    public record Level(int level, int problems, Difference passAtK, Difference majAtK) {}

    /** A paired difference: the mean of per-problem differences, sd(d)/√n, and a bootstrap 95% interval over them. */
    public record Difference(double value, double standardError, Bootstrap.Interval interval) {
        static Difference of(List<Double> differences, int resamples, long seed) {
            return of(differences.stream().mapToDouble(Double::doubleValue).toArray(), resamples, seed);
        }

        static Difference of(double[] d, int resamples, long seed) {
            double mean = d.length == 0
                    ? Double.NaN
                    : java.util.Arrays.stream(d).average().orElse(Double.NaN);
            return new Difference(mean, standardError(d, mean), Bootstrap.of(d, resamples, seed));
        }

        /** sd(d) / √n with the sample standard deviation (n − 1). */
        private static double standardError(double[] d, double mean) {
            if (d.length < 2) {
                return Double.NaN;
            }
            double squares = 0;
            for (double value : d) {
                squares += (value - mean) * (value - mean);
            }
            return Math.sqrt(squares / (d.length - 1)) / Math.sqrt(d.length);
        }
    }

    public static PairedAtK of(RunColumns a, RunColumns b, int k, int resamples, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k is 1 or more, not " + k);
        }
        int[] levelOf = LengthAccuracy.difficultyLevels(a, null);
        java.util.TreeMap<Integer, List<Double>> passByLevel = new java.util.TreeMap<>();
        java.util.TreeMap<Integer, List<Double>> majByLevel = new java.util.TreeMap<>();
        List<Double> pass = new ArrayList<>();
        List<Double> maj = new ArrayList<>();
        for (int p = 0; p < a.problems(); p++) {
            int q = b.problemOf(a.problemId(p));
            if (q < 0 || a.gradedCount(p) < k || b.gradedCount(q) < k) {
                continue;
            }
            double passDifference = PassAtK.estimate(b.gradedCount(q), b.correctCount(q), k)
                    - PassAtK.estimate(a.gradedCount(p), a.correctCount(p), k);
            pass.add(passDifference);
            passByLevel.computeIfAbsent(levelOf[p], level -> new ArrayList<>()).add(passDifference);
            double majorityA = MajorityVote.firstK(a, p, k);
            double majorityB = MajorityVote.firstK(b, q, k);
            if (!Double.isNaN(majorityA) && !Double.isNaN(majorityB)) {
                maj.add(majorityB - majorityA);
                majByLevel
                        .computeIfAbsent(levelOf[p], level -> new ArrayList<>())
                        .add(majorityB - majorityA);
            }
        }
        List<Level> levels = new ArrayList<>();
        passByLevel.forEach((level, differences) -> levels.add(new Level(
                level,
                differences.size(),
                Difference.of(differences, resamples, seed),
                Difference.of(majByLevel.getOrDefault(level, List.of()), resamples, seed))));
        return new PairedAtK(
                k,
                pass.size(),
                Difference.of(pass, resamples, seed),
                Difference.of(maj, resamples, seed),
                List.copyOf(levels));
    }
}
