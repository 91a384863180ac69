package dev.ponder.core.compute;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a sample's cost is counted in, with the name the command line and provenance use. */
public enum CostAxis {
    TOKENS("tokens", "generated tokens per problem"),
    THINKING("thinking-tokens", "thinking tokens per problem"),
    ANSWER("answer-tokens", "answer tokens per problem"),
    SAMPLES("samples", "samples per problem"),
    FLOPS("flops", "FLOPs per problem"),
    EFLOPS("eflops", "Kinetics eFLOPs per problem"),
    USD("usd", "US dollars per problem");

    private final String id;
    private final String label;

    CostAxis(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** The axis title: "FLOPs per problem". */
    public String label() {
        return label;
    }

    /** A cost as a person reads it: "1,234 tokens", "8 samples", "3.21 TFLOPs", "$0.0042"; "—" for none. */
    public String format(double cost) {
        if (Double.isNaN(cost)) {
            return "—";
        }
        if (Double.isInfinite(cost)) {
            return "∞";
        }
        return switch (this) {
            case TOKENS, THINKING, ANSWER -> String.format(Locale.ROOT, "%,.0f tokens", cost);
            case SAMPLES ->
                cost == Math.rint(cost)
                        ? String.format(Locale.ROOT, "%,d samples", (long) cost)
                        : String.format(Locale.ROOT, "%.2f samples", cost);
            case FLOPS -> si(cost) + "FLOPs";
            case EFLOPS -> si(cost) + "eFLOPs";
            case USD -> String.format(Locale.ROOT, "$%.3g", cost);
        };
    }

    /** A number with an SI prefix and a space: "3.21 T". */
    private static String si(double value) {
        String[] prefixes = {"", "k", "M", "G", "T", "P", "E", "Z", "Y"};
        int prefix = 0;
        double scaled = value;
        while (Math.abs(scaled) >= 1000 && prefix < prefixes.length - 1) {
            scaled /= 1000;
            prefix++;
        }
        return String.format(Locale.ROOT, "%.3g %s", scaled, prefixes[prefix]);
    }

    /** Whether the cost needs a model's shape. */
    public boolean needsShape() {
        return this == FLOPS || this == EFLOPS;
    }

    public static CostAxis parse(String text) {
        String wanted =
                text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (CostAxis axis : values()) {
            if (axis.id.equals(wanted) || axis.name().equalsIgnoreCase(wanted)) {
                return axis;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a cost axis; choose " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(CostAxis::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
