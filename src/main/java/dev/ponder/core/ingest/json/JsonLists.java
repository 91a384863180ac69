package dev.ponder.core.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.record.RecordException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parallel lists many formats keep per problem ({@code generations[]}, {@code correctness[]},
 * {@code token_usages[]}): read leniently, element by element, so that a list shorter than the responses
 * leaves the rest unknown rather than failing the record.
 */
public final class JsonLists {
    private JsonLists() {}

    /**
     * The responses of a record: the named field must be a list (of strings, or of lists of strings);
     * anything else is the wrong shape and the record is skipped.
     */
    public static List<String> requiredTexts(JsonNode record, String field) {
        JsonNode list = record.get(field);
        if (list == null || list.isNull()) {
            throw new RecordException("'" + field + "' is missing; expected a list of responses");
        }
        if (!list.isArray()) {
            String shown = list.toString();
            throw new RecordException("'" + field + "' must be a list of responses, got "
                    + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown));
        }
        return texts(list);
    }

    /** Strings of a list, lists inside it flattened in order ({@code resps} is {@code [[r1..rN]]} or {@code [r]}). */
    public static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        if (list == null || list.isNull()) {
            return texts;
        }
        if (list.isTextual()) {
            texts.add(list.textValue());
            return texts;
        }
        for (JsonNode item : list) {
            if (item.isArray()) {
                texts.addAll(texts(item));
            } else if (item.isNull()) {
                texts.add(null);
            } else {
                texts.add(item.isTextual() ? item.textValue() : item.toString());
            }
        }
        return texts;
    }

    /** Verdicts: {@code true}/{@code false}, {@code 1}/{@code 0}, or {@code null} for ungraded. */
    public static List<Boolean> verdicts(JsonNode list) {
        if (list == null || !list.isArray()) {
            return List.of();
        }
        List<Boolean> verdicts = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            verdicts.add(verdict(item));
        }
        return Collections.unmodifiableList(verdicts);
    }

    public static Boolean verdict(JsonNode item) {
        if (item == null || item.isNull()) {
            return null;
        }
        if (item.isBoolean()) {
            return item.booleanValue();
        }
        if (item.isNumber()) {
            double value = item.doubleValue();
            return value == 1 ? Boolean.TRUE : value == 0 ? Boolean.FALSE : null;
        }
        if (item.isTextual()) {
            return switch (item.textValue().strip().toLowerCase()) {
                case "true", "1", "yes", "correct", "c" -> Boolean.TRUE;
                case "false", "0", "no", "incorrect", "i" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    public static List<Integer> integers(JsonNode list) {
        if (list == null || !list.isArray()) {
            return List.of();
        }
        List<Integer> numbers = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            numbers.add(item.isNumber() && item.canConvertToInt() ? item.intValue() : null);
        }
        return Collections.unmodifiableList(numbers);
    }

    public static List<Double> numbers(JsonNode list) {
        if (list == null || !list.isArray()) {
            return List.of();
        }
        List<Double> numbers = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            numbers.add(item.isNumber() && !Double.isNaN(item.doubleValue()) ? item.doubleValue() : null);
        }
        return Collections.unmodifiableList(numbers);
    }

    /** The element at {@code index}, or {@code null} when the list is shorter. */
    public static <T> T at(List<T> list, int index) {
        return index < list.size() ? list.get(index) : null;
    }

    /** The first of the named fields that holds text (numbers are read as their text). */
    public static String firstText(JsonNode record, String... names) {
        if (record == null) {
            return null;
        }
        for (String name : names) {
            JsonNode value = record.get(name);
            if (value != null && !value.isNull() && (value.isTextual() || value.isNumber())) {
                String text = value.asText();
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }
}
