package dev.ponder.core.compute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.analysis.ParametricUnivariateFunction;
import org.hipparchus.fitting.SimpleCurveFitter;
import org.hipparchus.fitting.WeightedObservedPoint;

/**
 * Accuracy against budget (tokens, samples or rounds) as a saturating curve in the spirit of TTSPM ("Scaling over
 * Scaling", 2025): F(x) = F_max·(1 − (1 − p)^x), fitted by least squares (Hipparchus' Levenberg–Marquardt, started
 * from the best rate of a log grid, whose fit stands where the optimum is a step the optimiser cannot reach), and its
 * saturation point: the smallest budget beyond which one more doubling gains less than ε. From the fit, F(2x) − F(x)
 * = F_max·u·(1 − u) with u = (1 − p)^x, which falls below ε once u = (1 − √(1 − 4ε/F_max))/2; from the measured
 * points, the first budget after which every doubling (read between neighbouring points, per doubling) gains less.
 *
 * @param fMax         the accuracy the curve saturates at
 * @param p            the chance per unit of budget
 * @param rSquared     R² of the fit on the points
 * @param saturation   the fit's saturation point, in the budget's unit
 * @param measured     the measured saturation point, NaN where the points never saturate
 * @param epsilon      the gain per doubling called saturated (0.001 = 0.1 percentage points)
 * @param points       how many points the fit rests on
 */
public record SaturationFit(
        double fMax, double p, double rSquared, double saturation, double measured, double epsilon, int points) {
    /** Ponder's default ε: 0.1 percentage points per doubling. */
    public static final double DEFAULT_EPSILON = 0.001;

    /** The fit of these points (budget x > 0, accuracy y), or {@code null} with fewer than three budgets. */
    public static SaturationFit of(double[] x, double[] y, double epsilon) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && !Double.isNaN(y[i])) {
                points.add(new double[] {x[i], y[i]});
            }
        }
        points.sort(Comparator.comparingDouble(point -> point[0]));
        if (points.stream().mapToDouble(point -> point[0]).distinct().count() < 3) {
            return null;
        }
        double[] fitted = gridFit(points);
        List<WeightedObservedPoint> observed = new ArrayList<>();
        points.forEach(point -> observed.add(new WeightedObservedPoint(1, point[0], point[1])));
        try {
            double[] refined = SimpleCurveFitter.create(new Saturating(), fitted)
                    .withMaxIterations(1000)
                    .fit(observed);
            if (refined[1] > 0 && refined[0] > 0 && refined[0] <= 1 && sse(points, refined) <= sse(points, fitted)) {
                fitted = refined;
            }
        } catch (RuntimeException e) {
            // Hipparchus gives up where the best curve is a step (the rate grows without bound): the grid's stands
        }
        double fMax = fitted[0];
        double rate = fitted[1];
        if (!(rate > 0) || !(fMax > 0)) {
            return null;
        }
        return new SaturationFit(
                fMax,
                -Math.expm1(-rate),
                rSquared(points, fMax, rate),
                saturation(fMax, rate, epsilon),
                measured(points, epsilon),
                epsilon,
                points.size());
    }

    /**
     * The best rate on a log grid around the budgets, F_max for each by linear least squares (Σ y·g / Σ g², g = 1 −
     * e^(−λx)): a start for Levenberg–Marquardt that always exists, and the fit itself where the optimum is a step.
     */
    private static double[] gridFit(List<double[]> points) {
        double median = points.get(points.size() / 2)[0];
        double[] best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 240; i++) {
            double rate = Math.pow(10, -3 + i * 6.0 / 240) / median;
            double yg = 0;
            double gg = 0;
            for (double[] point : points) {
                double g = -Math.expm1(-rate * point[0]);
                yg += point[1] * g;
                gg += g * g;
            }
            if (gg == 0) {
                continue;
            }
            double[] candidate = {Math.min(1, Math.max(yg / gg, 1e-9)), rate}; // an accuracy saturates at most at 1
            double error = sse(points, candidate);
            if (error < bestError) {
                bestError = error;
                best = candidate;
            }
        }
        return best;
    }

    private static double sse(List<double[]> points, double[] parameters) {
        double sum = 0;
        for (double[] point : points) {
            double residual = point[1] - parameters[0] * -Math.expm1(-parameters[1] * point[0]);
            sum += residual * residual;
        }
        return sum;
    }

    /** The fitted accuracy at budget x. */
    public double accuracy(double x) {
        return fMax * -Math.expm1(x * Math.log1p(-p));
    }

    /** "0.812·(1 − 0.70^x), R² 0.991": the law as reports and charts state it. */
    public String equation() {
        return String.format(java.util.Locale.ROOT, "%.3f·(1 − (1 − %.3g)^x), R² %.3f", fMax, p, rSquared);
    }

    private static double saturation(double fMax, double rate, double epsilon) {
        double ratio = 4 * epsilon / fMax;
        if (ratio >= 1) {
            return 0; // no doubling ever gains ε
        }
        double u = (1 - Math.sqrt(1 - ratio)) / 2;
        return -Math.log(u) / rate;
    }

    private static double measured(List<double[]> points, double epsilon) {
        double saturated = Double.NaN;
        for (int i = points.size() - 2; i >= 0; i--) {
            double[] a = points.get(i);
            double[] b = points.get(i + 1);
            double doublings = Math.log(b[0] / a[0]) / Math.log(2);
            if (doublings <= 0) {
                continue;
            }
            if ((b[1] - a[1]) / doublings >= epsilon) {
                break;
            }
            saturated = a[0];
        }
        return saturated;
    }

    private static double rSquared(List<double[]> points, double fMax, double rate) {
        double mean = points.stream().mapToDouble(point -> point[1]).average().orElse(0);
        double residual = 0;
        double total = 0;
        for (double[] point : points) {
            double predicted = fMax * -Math.expm1(-rate * point[0]);
            residual += (point[1] - predicted) * (point[1] - predicted);
            total += (point[1] - mean) * (point[1] - mean);
        }
        return total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
    }

    /** F_max·(1 − e^(−λx)), λ = −ln(1 − p): the same curve with a rate the optimiser moves freely. */
    private static final class Saturating implements ParametricUnivariateFunction {
        @Override
        public double value(double x, double... parameters) {
            return parameters[0] * -Math.expm1(-parameters[1] * x);
        }

        @Override
        public double[] gradient(double x, double... parameters) {
            double decay = Math.exp(-parameters[1] * x);
            return new double[] {1 - decay, parameters[0] * x * decay};
        }
    }
}
