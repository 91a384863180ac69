package dev.ponder.core.analysis;

import java.util.List;
import org.hipparchus.stat.regression.SimpleRegression;

/**
 * Coverage against samples as Large Language Monkeys (Brown et al. 2024, §3) model it: the exponentiated power law
 * c(k) ≈ exp(a·k^b), with a &lt; 0 and b &lt; 0. Fitted, as Ponder states it, by least squares on
 * log(−log c) = log(−a) + b·log k over the curve's points with 0 &lt; c &lt; 1 (Hipparchus's simple regression), with
 * its R² on those points.
 *
 * @param a        the coefficient a (negative)
 * @param b        the exponent b (negative where coverage grows with k)
 * @param rSquared R² of the linear fit in the transformed coordinates
 * @param points   how many points of the curve the fit rests on
 */
public record CoverageFit(double a, double b, double rSquared, int points) {

    /** The fit of a pass@k curve, or {@code null} with fewer than two points strictly between 0 and 1. */
    public static CoverageFit of(List<CurvePoint> passAtK) {
        SimpleRegression regression = new SimpleRegression();
        for (CurvePoint point : passAtK) {
            double c = point.value();
            if (c > 0 && c < 1 && point.k() >= 1) {
                regression.addData(Math.log(point.k()), Math.log(-Math.log(c)));
            }
        }
        if (regression.getN() < 2) {
            return null;
        }
        double intercept = regression.getIntercept();
        double slope = regression.getSlope();
        double rSquared = regression.getN() == 2 ? 1.0 : regression.getRSquare();
        return new CoverageFit(-Math.exp(intercept), slope, rSquared, (int) regression.getN());
    }

    /** "exp(-1.438·k^-0.437), R² 0.998": the law as the report and the chart state it. */
    public String equation() {
        return String.format(java.util.Locale.ROOT, "exp(%.3f·k^%.3f), R² %.3f", a, b, rSquared);
    }

    /** The fitted coverage at k samples. */
    public double coverage(double k) {
        return Math.exp(a * Math.pow(k, b));
    }

    /**
     * The samples the fit says reach {@code target} coverage: k = (log target / a)^(1/b); infinite where the fit does
     * not grow towards it (b ≥ 0).
     */
    public double samplesFor(double target) {
        if (b >= 0 || target <= 0 || target >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.pow(Math.log(target) / a, 1 / b);
    }
}
