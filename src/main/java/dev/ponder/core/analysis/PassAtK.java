package dev.ponder.core.analysis;

import java.util.List;

/**
 * pass@k, the unbiased estimator of the Codex paper (arXiv 2107.03374): {@code 1 − C(n−c, k)/C(n, k)} in its
 * product form with doubles, exactly as search-and-learn ({@code sal/utils/math.py}), SkyThought and lighteval
 * compute it. A problem counts for a k only when it has at least k graded samples (the estimator is undefined
 * above n; the reference code would answer 1.0 there, which Ponder does not report).
 */
public final class PassAtK {
    private PassAtK() {}

    /** The estimate for one problem with {@code n} graded samples of which {@code c} are correct. */
    public static double estimate(int n, int c, int k) {
        if (k < 1 || k > n || c < 0 || c > n) {
            throw new IllegalArgumentException(
                    "pass@k needs 1 <= k <= n and 0 <= c <= n, got n=" + n + " c=" + c + " k=" + k);
        }
        if (n - c < k) {
            return 1.0;
        }
        double product = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            product *= 1.0 - (double) k / i;
        }
        return 1.0 - product;
    }

    /** Each problem's estimate for this k, NaN where the problem has fewer than k graded samples. */
    public static double[] perProblem(RunColumns run, int k) {
        double[] values = new double[run.problems()];
        for (int p = 0; p < run.problems(); p++) {
            int n = run.gradedCount(p);
            values[p] = n >= k ? estimate(n, run.correctCount(p), k) : Double.NaN;
        }
        return values;
    }

    /** The run's pass@k for each k: the mean over problems with at least k graded samples. */
    public static List<CurvePoint> curve(RunColumns run, List<Integer> ks) {
        return curve(run, ks, 0, 0);
    }

    /** As {@link #curve(RunColumns, List)}, with bootstrap intervals over problems when {@code resamples > 0}. */
    public static List<CurvePoint> curve(RunColumns run, List<Integer> ks, int resamples, long seed) {
        return ks.parallelStream()
                .map(k -> {
                    double[] values = perProblem(run, k);
                    double tokens = Spend.expected(run, k);
                    return resamples > 0
                            ? CurvePoint.withInterval(k, values, tokens, resamples, seed + k)
                            : CurvePoint.of(k, values, tokens);
                })
                .toList();
    }
}
