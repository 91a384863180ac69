package dev.ponder.app.common;

import java.util.Locale;

/** How figures read on screen: a dash for what is unknown, shares as percentages, counts with separators. */
public final class Figures {
    private Figures() {}

    /** 0.4567 as "45.7%"; NaN as a dash. */
    public static String percent(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** A number with this many decimals; NaN as a dash. */
    public static String number(double value, int decimals) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** A count with separators; a negative count (unknown) as a dash. */
    public static String count(long value) {
        return value < 0 ? "—" : String.format(Locale.ROOT, "%,d", value);
    }

    /** A text, or a dash when there is none. */
    public static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
