package dev.ponder.core.chart;

import java.util.Locale;

/** How numbers read in hover labels and legends. */
final class Labels {
    private Labels() {}

    static String percent(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    /** "62.0% [59.1, 64.9]". */
    static String percent(double value, double low, double high) {
        String text = percent(value);
        return Double.isNaN(low) || Double.isNaN(high)
                ? text
                : text + String.format(Locale.ROOT, " [%.1f, %.1f]", low * 100, high * 100);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return Math.abs(value - Math.rint(value)) < 1e-9
                ? String.format(Locale.ROOT, "%,d", (long) Math.rint(value))
                : String.format(Locale.ROOT, "%,.3g", value);
    }

    static String count(int n, String noun) {
        return dev.ponder.core.Plural.of(n, noun);
    }

    /** A run's name prefixed to a series name, when several runs are overlaid. */
    static String series(String run, String what, boolean overlaid) {
        return overlaid ? run + " · " + what : what;
    }

    /** A category label of at most 16 characters, the rest cut with an ellipsis (the whole stays in tooltip and CSV). */
    static String abbreviated(String label) {
        return label.length() <= 16 ? label : label.substring(0, 15) + "…";
    }
}
