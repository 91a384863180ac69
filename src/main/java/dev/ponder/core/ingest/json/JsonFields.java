package dev.ponder.core.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.record.RecordException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typed access to fields of a JSON record, with messages that say which field was wrong and what was
 * expected. Missing and {@code null} fields read as {@code null}.
 */
public final class JsonFields {
    private JsonFields() {}

    public static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (absent(value)) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw wrong(field, "a string", value);
    }

    public static String requiredText(JsonNode record, String field) {
        String text = text(record, field);
        if (text == null || text.isEmpty()) {
            throw new RecordException("'" + field + "' is missing; expected a non-empty string");
        }
        return text;
    }

    public static Integer integer(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (absent(value)) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isFloatingPointNumber()
                && value.doubleValue() == Math.rint(value.doubleValue())
                && Math.abs(value.doubleValue()) <= Integer.MAX_VALUE) {
            return (int) value.doubleValue();
        }
        throw wrong(field, "a whole number", value);
    }

    public static int integer(JsonNode record, String field, int fallback) {
        Integer value = integer(record, field);
        return value == null ? fallback : value;
    }

    /** A number; {@code NaN} (as some tools write for "no score") reads as {@code null}. */
    public static Double number(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (absent(value)) {
            return null;
        }
        if (value.isNumber()) {
            double number = value.doubleValue();
            return Double.isNaN(number) ? null : number;
        }
        throw wrong(field, "a number", value);
    }

    public static Boolean bool(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (absent(value)) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && (value.intValue() == 0 || value.intValue() == 1)) {
            return value.intValue() == 1;
        }
        throw wrong(field, "true or false", value);
    }

    public static boolean bool(JsonNode record, String field, boolean fallback) {
        Boolean value = bool(record, field);
        return value == null ? fallback : value;
    }

    /** An object field kept as its JSON text, for metadata columns. */
    public static String objectJson(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (absent(value)) {
            return null;
        }
        if (!value.isObject()) {
            throw wrong(field, "an object", value);
        }
        return value.toString();
    }

    /** An object of scalar values, as strings. */
    public static Map<String, String> stringMap(JsonNode record, String field) {
        JsonNode value = record.get(field);
        Map<String, String> map = new TreeMap<>();
        if (absent(value)) {
            return map;
        }
        if (!value.isObject()) {
            throw wrong(field, "an object", value);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode item = entry.getValue();
            if (!item.isNull()) {
                map.put(entry.getKey(), item.isValueNode() ? item.asText() : item.toString());
            }
        }
        return map;
    }

    /** An object field, or {@code null} when absent; anything else is an error. */
    public static JsonNode object(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (absent(value)) {
            return null;
        }
        if (!value.isObject()) {
            throw wrong(field, "an object", value);
        }
        return value;
    }

    /** An array field, or {@code null} when absent; anything else is an error. */
    public static JsonNode array(JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (absent(value)) {
            return null;
        }
        if (!value.isArray()) {
            throw wrong(field, "an array", value);
        }
        return value;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    private static RecordException wrong(String field, String expected, JsonNode value) {
        String shown = value.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "…";
        }
        return new RecordException("'" + field + "' must be " + expected + ", got " + shown);
    }
}
