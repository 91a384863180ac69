package dev.ponder.core.analysis;

/** Means and counts over values where NaN means "does not count". */
public final class Stats {
    private Stats() {}

    /** The mean of the values that are not NaN, NaN when none is. */
    public static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                sum += value;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    static int count(double[] values) {
        int n = 0;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                n++;
            }
        }
        return n;
    }
}
