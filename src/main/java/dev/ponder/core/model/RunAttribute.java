package dev.ponder.core.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes a researcher sets on a run when its file does not carry them, at import or later: the run's
 * own fields (name, model, strategy, notes) and the parameters charts group runs by (thinking budget, max
 * tokens, temperature, seed, group). Parameters live in {@link Run#params()} under their {@link #key()}.
 */
public enum RunAttribute {
    NAME("name", "Name", Kind.TEXT),
    MODEL("model", "Model", Kind.TEXT),
    STRATEGY("strategy", "Strategy", Kind.TEXT),
    BUDGET("budget", "Thinking budget", Kind.COUNT),
    MAX_TOKENS("max_tokens", "Max tokens", Kind.COUNT),
    TEMPERATURE("temperature", "Temperature", Kind.NUMBER),
    SEED("seed", "Seed", Kind.INTEGER),
    GROUP("group", "Group", Kind.TEXT),
    NOTES("notes", "Notes", Kind.TEXT);

    private enum Kind {
        TEXT,
        COUNT,
        INTEGER,
        NUMBER
    }

    private final String key;
    private final String label;
    private final Kind kind;

    RunAttribute(String key, String label, Kind kind) {
        this.key = key;
        this.label = label;
        this.kind = kind;
    }

    /** The name on the command line ({@code --set budget=4096}) and in the run's parameters. */
    public String key() {
        return key;
    }

    /** The name in forms. */
    public String label() {
        return label;
    }

    /** Whether it is one of the run's own fields rather than a parameter. */
    public boolean isRunField() {
        return this == NAME || this == MODEL || this == STRATEGY || this == NOTES;
    }

    public static Optional<RunAttribute> byKey(String key) {
        return Arrays.stream(values())
                .filter(attribute -> attribute.key.equalsIgnoreCase(key.strip()))
                .findFirst();
    }

    /**
     * What is wrong with a value for this attribute, or empty when it is fine. A blank value is always fine: it
     * means "not set".
     */
    public Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        return switch (kind) {
            case TEXT -> Optional.empty();
            case COUNT ->
                isLong(text) && Long.parseLong(text) > 0
                        ? Optional.empty()
                        : Optional.of(label + " must be a whole number of tokens above 0, not '" + text + "'");
            case INTEGER ->
                isLong(text) ? Optional.empty() : Optional.of(label + " must be a whole number, not '" + text + "'");
            case NUMBER ->
                isNumber(text)
                        ? Optional.empty()
                        : Optional.of(label + " must be a number of 0 or more, not '" + text + "'");
        };
    }

    /** The run's value of this attribute, or {@code null}. */
    public String of(Run run) {
        return switch (this) {
            case NAME -> run.name();
            case MODEL -> run.model();
            case STRATEGY -> run.strategy();
            case NOTES -> run.notes();
            default -> run.params().get(key);
        };
    }

    /**
     * The run with these attributes changed; a blank value clears the attribute (the name cannot be cleared).
     * Attributes not given keep their value.
     */
    public static Run apply(Run run, Map<RunAttribute, String> values) {
        Map<String, String> params = new HashMap<>(run.params());
        String name = run.name();
        String model = run.model();
        String strategy = run.strategy();
        String notes = run.notes();
        for (Map.Entry<RunAttribute, String> entry : values.entrySet()) {
            RunAttribute attribute = entry.getKey();
            String value = entry.getValue() == null || entry.getValue().isBlank()
                    ? null
                    : entry.getValue().strip();
            attribute.problem(value).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            switch (attribute) {
                case NAME -> name = value == null ? name : value;
                case MODEL -> model = value;
                case STRATEGY -> strategy = value;
                case NOTES -> notes = value;
                default -> {
                    if (value == null) {
                        params.remove(attribute.key);
                    } else {
                        params.put(attribute.key, value);
                    }
                }
            }
        }
        return new Run(
                run.id(),
                name,
                run.source(),
                run.importedAt(),
                model,
                strategy,
                params,
                run.parentRunId(),
                run.grader(),
                notes);
    }

    private static boolean isLong(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNumber(String text) {
        try {
            double number = Double.parseDouble(text.toLowerCase(Locale.ROOT));
            return Double.isFinite(number) && number >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
