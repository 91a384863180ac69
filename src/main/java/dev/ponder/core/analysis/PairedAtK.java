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
 */
public record PairedAtK(int k, int problems, Difference passAtK, Difference majAtK) {

    /** A paired difference with its standard error (sd/√n) and bootstrap 95% interval. */
    public record Difference(double value, double standardError, Bootstrap.Interval interval) {
        static Difference of(List<Double> differences, int resamples, long seed) {
            double[] d = differences.stream().mapToDouble(Double::doubleValue).toArray();
            double mean = d.length == 0
                    ? Double.NaN
                    : java.util.Arrays.stream(d).average().orElse(Double.NaN);
            return new Difference(mean, RunComparison.standardError(d, mean), Bootstrap.of(d, resamples, seed));
        }
    }

    public static PairedAtK of(RunColumns a, RunColumns b, int k, int resamples, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k is 1 or more, not " + k);
        }
        List<Double> pass = new ArrayList<>();
        List<Double> maj = new ArrayList<>();
        for (int p = 0; p < a.problems(); p++) {
            int q = b.problemOf(a.problemId(p));
            if (q < 0 || a.gradedCount(p) < k || b.gradedCount(q) < k) {
                continue;
            }
            pass.add(PassAtK.estimate(b.gradedCount(q), b.correctCount(q), k)
                    - PassAtK.estimate(a.gradedCount(p), a.correctCount(p), k));
            double majorityA = MajorityVote.firstK(a, p, k);
            double majorityB = MajorityVote.firstK(b, q, k);
            if (!Double.isNaN(majorityA) && !Double.isNaN(majorityB)) {
                maj.add(majorityB - majorityA);
            }
        }
        return new PairedAtK(k, pass.size(), Difference.of(pass, resamples, seed), Difference.of(maj, resamples, seed));
    }
}
