package dev.ponder.core.ingest.mapping;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to read a JSON, JSON Lines or CSV file no reader knows: where its records are, what one record is
 * ({@link Layout}), and which field holds what ({@link Field} to a {@link JsonPath}). Saved per file shape
 * so the next file of the same shape imports without asking.
 *
 * @param records where the records are in a JSON document: {@code null} for the file's own records (JSON
 *                Lines, a top-level list, or a single object), a path to a list inside the document, or
 *                {@code *} for the values of a top-level object keyed by problem id
 */
public record FieldMapping(Layout layout, String records, Map<Field, JsonPath> fields) {

    /** What one record is. */
    public enum Layout {
        /** One record per sample. */
        SAMPLES,
        /** One record per problem, with parallel lists of responses, answers, verdicts, scores. */
        PROBLEMS,
        /** One record per search tree, its nodes nested through a children list. */
        TREE;

        public static Layout parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** What a field holds. Sample fields are lists in the {@code PROBLEMS} layout. */
    public enum Field {
        PROBLEM_ID("problem"),
        QUESTION("question"),
        GOLD("gold"),
        TRACE("trace"),
        REASONING("reasoning"),
        ANSWER("answer"),
        CORRECT("correct"),
        TOKENS("tokens"),
        THINKING_TOKENS("thinking_tokens"),
        SCORE("score"),
        FINISH_REASON("finish_reason"),
        INDEX("index"),
        BUDGET("budget"),
        ROUND("round"),
        ROOT("root"),
        CHILDREN("children"),
        NODE_TEXT("node_text"),
        VALUE("value"),
        VISITS("visits"),
        REWARD("reward"),
        NODE_ANSWER("node_answer"),
        NODE_CORRECT("node_correct");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** The name used on the command line ({@code --map trace=generations}) and in saved mappings. */
        public String key() {
            return key;
        }

        public static Field parse(String key) {
            for (Field field : values()) {
                if (field.key.equalsIgnoreCase(key.strip())) {
                    return field;
                }
            }
            throw new IllegalArgumentException("unknown field '" + key + "'; fields are "
                    + java.util.Arrays.stream(values()).map(Field::key).toList());
        }
    }

    public FieldMapping {
        Objects.requireNonNull(layout, "layout");
        Map<Field, JsonPath> copy = new EnumMap<>(Field.class);
        copy.putAll(fields);
        fields = Collections.unmodifiableMap(copy);
        if (layout == Layout.TREE) {
            if (!fields.containsKey(Field.CHILDREN)) {
                throw new IllegalArgumentException("a tree mapping needs 'children', the list of a node's child nodes");
            }
        } else if (!fields.containsKey(Field.TRACE) && !fields.containsKey(Field.REASONING)) {
            throw new IllegalArgumentException("a mapping needs 'trace', the field holding the generated text");
        }
    }

    public JsonPath path(Field field) {
        return fields.get(field);
    }

    /**
     * The mapping as {@code ponder import} options: {@code --map question=prompt --map trace=response
     * --layout problems}, ready to correct and pass back.
     */
    public String asArguments() {
        StringBuilder args = new StringBuilder();
        fields.forEach((field, path) -> args.append(args.length() == 0 ? "" : " ")
                .append("--map ")
                .append(field.key())
                .append('=')
                .append(quoted(path.toString())));
        if (layout != Layout.SAMPLES) {
            args.append(" --layout ").append(layout.name().toLowerCase(Locale.ROOT));
        }
        if (records != null && !records.isBlank()) {
            args.append(" --records ").append(quoted(records));
        }
        return args.toString();
    }

    private static String quoted(String text) {
        return text.matches("[A-Za-z0-9_.@\\[\\]-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
