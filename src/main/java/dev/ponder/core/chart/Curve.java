package dev.ponder.core.chart;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The scaling curves a figure can show. */
public enum Curve {
    PASS("pass", "pass@k"),
    MAJORITY("maj", "maj@k"),
    MAJORITY_FIRST_K("maj-first", "maj@k (first k)"),
    WEIGHTED("weighted", "weighted BoN@k"),
    NAIVE("naive", "naive BoN@k");

    private final String id;
    private final String label;

    Curve(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static Curve parse(String text) {
        for (Curve curve : values()) {
            if (curve.id.equalsIgnoreCase(text.strip())) {
                return curve;
            }
        }
        throw new IllegalArgumentException("unknown curve '" + text + "'; choose "
                + Arrays.stream(values()).map(Curve::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
