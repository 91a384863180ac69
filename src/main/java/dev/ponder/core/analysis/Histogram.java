package dev.ponder.core.analysis;

/**
 * Equal-width bins over a range, as numpy's {@code histogram} cuts them: {@code bins} bins between the lowest and
 * the highest value, each closed on the left and open on the right except the last, which holds the highest
 * value too. A range of one value gets the width numpy gives it (half a unit either side).
 *
 * @param edges {@code bins + 1} increasing edges
 */
public record Histogram(double[] edges) {

    public Histogram {
        edges = edges.clone();
    }

    /** Bins spanning the finite values given (NaN ignored); one bin over [0, 1] when there is none. */
    public static Histogram over(double[] values, int bins) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        if (low > high) {
            return between(0, 1, bins);
        }
        if (low == high) {
            return between(low - 0.5, high + 0.5, bins);
        }
        return between(low, high, bins);
    }

    public static Histogram between(double low, double high, int bins) {
        if (bins < 1 || !(high > low)) {
            throw new IllegalArgumentException("a histogram needs at least one bin over a range that is not empty");
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = low + (high - low) * b / bins;
        }
        edges[bins] = high;
        return new Histogram(edges);
    }

    public int bins() {
        return edges.length - 1;
    }

    public double low(int bin) {
        return edges[bin];
    }

    public double high(int bin) {
        return edges[bin + 1];
    }

    /** The bin the value falls in, or -1 outside the range (or NaN). */
    public int binOf(double value) {
        if (Double.isNaN(value) || value < edges[0] || value > edges[edges.length - 1]) {
            return -1;
        }
        int low = 0;
        int high = bins() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (value >= edges[middle]) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** How many values fall in each bin. */
    public int[] counts(double[] values) {
        int[] counts = new int[bins()];
        for (double value : values) {
            int bin = binOf(value);
            if (bin >= 0) {
                counts[bin]++;
            }
        }
        return counts;
    }
}
