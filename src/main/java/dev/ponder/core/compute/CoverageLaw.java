package dev.ponder.core.compute;

import dev.ponder.core.analysis.Bootstrap;
import dev.ponder.core.analysis.CoverageFit;
import dev.ponder.core.analysis.CurvePoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Large Language Monkeys' coverage law c(k) ≈ exp(a·k^b) ({@link CoverageFit}) with 95% intervals on a, b and the
 * samples needed for a target coverage, from refitting on bootstrap resamples of the problems (Ponder's procedure,
 * stated in docs/methods.md). A resample whose curve cannot be fitted counts as not reaching the target.
 *
 * @param fit    the fit on all problems
 * @param target the coverage asked about
 * @param k      the samples the fit says reach it (infinite where it never does)
 */
public record CoverageLaw(
        CoverageFit fit,
        double aLow,
        double aHigh,
        double bLow,
        double bHigh,
        double target,
        double k,
        double kLow,
        double kHigh) {
    /** Ponder's default target coverage. */
    public static final double DEFAULT_TARGET = 0.9;

    /**
     * The law of the pass@k values {@code values[i][p]} at {@code ks[i]} over the problems, or {@code null} where the
     * curve has too few points between 0 and 1.
     */
    public static CoverageLaw of(int[] ks, double[][] values, int[] problems, double target, int resamples, long seed) {
        CoverageFit fit = fit(ks, values, problems);
        if (fit == null) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[resamples];
        double[] b = new double[resamples];
        double[] k = new double[resamples];
        int[] drawn = new int[problems.length];
        int fitted = 0;
        for (int r = 0; r < resamples; r++) {
            for (int j = 0; j < drawn.length; j++) {
                drawn[j] = problems[random.nextInt(problems.length)];
            }
            CoverageFit again = fit(ks, values, drawn);
            k[r] = again == null ? Double.MAX_VALUE : Math.min(again.samplesFor(target), Double.MAX_VALUE);
            if (again != null) {
                a[fitted] = again.a();
                b[fitted] = again.b();
                fitted++;
            }
        }
        double[] as = Arrays.copyOf(a, fitted);
        double[] bs = Arrays.copyOf(b, fitted);
        Arrays.sort(as);
        Arrays.sort(bs);
        Arrays.sort(k);
        return new CoverageLaw(
                fit,
                Bootstrap.percentile(as, 2.5),
                Bootstrap.percentile(as, 97.5),
                Bootstrap.percentile(bs, 2.5),
                Bootstrap.percentile(bs, 97.5),
                target,
                fit.samplesFor(target),
                infinite(Bootstrap.percentile(k, 2.5)),
                infinite(Bootstrap.percentile(k, 97.5)));
    }

    private static CoverageFit fit(int[] ks, double[][] values, int[] problems) {
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i < ks.length; i++) {
            double sum = 0;
            int counted = 0;
            for (int p : problems) {
                if (!Double.isNaN(values[i][p])) {
                    sum += values[i][p];
                    counted++;
                }
            }
            if (counted > 0) {
                points.add(new CurvePoint(ks[i], sum / counted, counted, Double.NaN, Double.NaN, Double.NaN));
            }
        }
        return CoverageFit.of(points);
    }

    private static double infinite(double value) {
        return value >= Double.MAX_VALUE / 2 ? Double.POSITIVE_INFINITY : value;
    }
}
