package dev.ponder.core.analysis;

/** Quantiles of the binomial distribution, summed in log space outward from the mode so large n stays exact. */
final class Binomial {
    private Binomial() {}

    /** The smallest x with P(X <= x) >= q for X ~ Binomial(n, p). */
    static int quantile(int n, double p, double q) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        int mode = (int) Math.min(n, Math.floor((n + 1) * p));
        double logMode = logChoose(n, mode) + mode * Math.log(p) + (n - mode) * Math.log1p(-p);
        double[] pmf = new double[n + 1];
        pmf[mode] = Math.exp(logMode);
        double ratioUp = p / (1 - p);
        for (int x = mode + 1; x <= n; x++) {
            pmf[x] = pmf[x - 1] * (n - x + 1) / x * ratioUp;
            if (pmf[x] < 1e-300) {
                break;
            }
        }
        for (int x = mode - 1; x >= 0; x--) {
            pmf[x] = pmf[x + 1] * (x + 1) / (n - x) / ratioUp;
            if (pmf[x] < 1e-300) {
                break;
            }
        }
        double total = 0;
        for (double value : pmf) {
            total += value;
        }
        double cumulative = 0;
        for (int x = 0; x <= n; x++) {
            cumulative += pmf[x] / total;
            if (cumulative >= q - 1e-12) {
                return x;
            }
        }
        return n;
    }

    static double logChoose(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    /** log(n!) by Stirling's series beyond 20, exactly below. */
    static double logFactorial(int n) {
        if (n < 21) {
            double f = 1;
            for (int i = 2; i <= n; i++) {
                f *= i;
            }
            return Math.log(f);
        }
        double x = n + 1.0;
        return (x - 0.5) * Math.log(x)
                - x
                + 0.5 * Math.log(2 * Math.PI)
                + 1.0 / (12 * x)
                - 1.0 / (360 * x * x * x)
                + 1.0 / (1260 * Math.pow(x, 5));
    }
}
