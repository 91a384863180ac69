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
