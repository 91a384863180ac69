package dev.ponder.core.compute;

import java.util.Locale;

/** A cost as a person reads it: "1,234 tokens", "8 samples", "3.21 TFLOPs", "$0.0042". */
public final class CostFormat {
    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};

    private CostFormat() {}

    public static String format(CostAxis axis, double cost) {
        if (Double.isNaN(cost)) {
            return "—";
        }
        if (Double.isInfinite(cost)) {
            return "∞";
        }
        return switch (axis) {
            case TOKENS, THINKING, ANSWER -> String.format(Locale.ROOT, "%,.0f tokens", cost);
            case SAMPLES -> String.format(Locale.ROOT, "%s samples", number(cost));
            case FLOPS -> si(cost) + "FLOPs";
            case EFLOPS -> si(cost) + "eFLOPs";
            case USD -> String.format(Locale.ROOT, "$%.3g", cost);
        };
    }

    /** A number with an SI prefix and a space: "3.21 T". */
    static String si(double value) {
        int prefix = 0;
        double scaled = value;
        while (Math.abs(scaled) >= 1000 && prefix < PREFIXES.length - 1) {
            scaled /= 1000;
            prefix++;
        }
        return String.format(Locale.ROOT, "%.3g %s", scaled, PREFIXES[prefix]);
    }

    private static String number(double value) {
        return value == Math.rint(value)
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format("%.2f", value);
    }
}
