package dev.ponder.core.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.stat.descriptive.rank.Percentile;
import org.hipparchus.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentile bootstrap confidence intervals, seeded so a figure is the same every time: resample the units
 * (problems for run-level figures) with replacement, take the mean each time, and read the 2.5th and 97.5th
 * percentiles with numpy's default linear interpolation. For 0/1 values (the verdicts in a length bin) the
 * resampled mean is exactly binomial, so its percentiles are read from the binomial distribution itself: the
 * bootstrap with infinitely many resamples, and no random draws over a million samples.
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 1000;

    /** A mean with its 95% interval. */
    public record Interval(double mean, double low, double high, int units, int resamples, long seed) {}

    private Bootstrap() {}

    /** The 95% interval of the mean of the values that are not NaN. */
    public static Interval of(double[] values, int resamples, long seed) {
        double[] kept =
                Arrays.stream(values).filter(value -> !Double.isNaN(value)).toArray();
        if (kept.length == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0, resamples, seed);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < kept.length; i++) {
                sum += kept[random.nextInt(kept.length)];
            }
            means[r] = sum / kept.length;
        }
        Arrays.sort(means);
        return new Interval(
                Arrays.stream(kept).average().orElse(Double.NaN),
                percentile(means, 2.5),
                percentile(means, 97.5),
                kept.length,
                resamples,
                seed);
    }

    /**
     * The 95% interval of a mean of weighted ratios, resampling units: {@code sum(numerator) / sum(denominator)}
     * over the units drawn, e.g. accuracy as correct over graded samples, resampling problems.
     */
    public static Interval ratio(double[] numerators, double[] denominators, int resamples, long seed) {
        int n = numerators.length;
        double totalNumerator = 0;
        double totalDenominator = 0;
        for (int i = 0; i < n; i++) {
            totalNumerator += numerators[i];
            totalDenominator += denominators[i];
        }
        if (n == 0 || totalDenominator == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, n, resamples, seed);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double numerator = 0;
            double denominator = 0;
            for (int i = 0; i < n; i++) {
                int unit = random.nextInt(n);
                numerator += numerators[unit];
                denominator += denominators[unit];
            }
            means[r] = denominator == 0 ? Double.NaN : numerator / denominator;
        }
        double[] kept = Arrays.stream(means)
                .filter(value -> !Double.isNaN(value))
                .sorted()
                .toArray();
        return new Interval(
                totalNumerator / totalDenominator, percentile(kept, 2.5), percentile(kept, 97.5), n, resamples, seed);
    }

    /** The exact bootstrap interval of a share: {@code successes} of {@code n} 0/1 values. */
    public static Interval binary(int successes, int n) {
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
        }
        double p = (double) successes / n;
        return new Interval(
                p, (double) binomialQuantile(n, p, 0.025) / n, (double) binomialQuantile(n, p, 0.975) / n, n, 0, 0);
    }

    /**
     * numpy's default ("linear") percentile of sorted values, Hipparchus's estimation type R-7; NaN for none (no
     * resamples asked for).
     */
    public static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return new Percentile(percent).withEstimationType(EstimationType.R_7).evaluate(sorted);
    }

    /** The smallest x with P(X ≤ x) ≥ q for X ~ Binomial(n, p), from Hipparchus. */
    private static int binomialQuantile(int n, double p, double q) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        return new BinomialDistribution(n, p).inverseCumulativeProbability(q);
    }
}
