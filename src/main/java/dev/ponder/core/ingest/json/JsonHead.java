package dev.ponder.core.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ponder.core.ingest.record.FileHead;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The shape of a JSON file's beginning, read from its first bytes even when a long first record is cut off
 * there: whether it opens with an object or an array, the field names of the first record, and the field
 * names of the first object nested one level inside it. Readers recognise their formats by these names.
 *
 * @param startsWith    {@code '{'}, {@code '['}, or {@code 0} when the head is not JSON
 * @param keys          the first record's fields in file order: the top-level object's, or the first array element's
 * @param innerKeys     the fields of the first object value (or first object in an array value) inside it
 */
public record JsonHead(char startsWith, Set<String> keys, Set<String> innerKeys) {
    public static final JsonHead NONE = new JsonHead((char) 0, Set.of(), Set.of());

    public static JsonHead of(FileHead head) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> inner = new LinkedHashSet<>();
        char opening = 0;
        // Decoded leniently: a bad byte in the first record must not hide the field names after it.
        try (JsonParser parser = Json.FACTORY.createParser(head.text())) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                opening = '[';
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return new JsonHead(opening, Set.of(), Set.of());
                }
            } else if (first == JsonToken.START_OBJECT) {
                opening = '{';
            } else {
                return NONE;
            }
            readFields(parser, keys, inner);
        } catch (IOException | RuntimeException e) {
            // The head ends inside the first record, or the rest is not JSON: keep what was read.
        }
        return new JsonHead(opening, Collections.unmodifiableSet(keys), Collections.unmodifiableSet(inner));
    }

    public boolean has(String... names) {
        for (String name : names) {
            if (!keys.contains(name)) {
                return false;
            }
        }
        return true;
    }

    public boolean hasAny(String... names) {
        for (String name : names) {
            if (keys.contains(name)) {
                return true;
            }
        }
        return false;
    }

    public boolean innerHas(String... names) {
        for (String name : names) {
            if (!innerKeys.contains(name)) {
                return false;
            }
        }
        return true;
    }

    /** Reads one object's field names, and those of the first object found one level down. */
    private static void readFields(JsonParser parser, Set<String> keys, Set<String> inner) throws IOException {
        boolean innerDone = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            keys.add(parser.currentName());
            JsonToken value = parser.nextToken();
            if (!innerDone && value == JsonToken.START_OBJECT) {
                collectNames(parser, inner);
                innerDone = true;
            } else if (!innerDone && value == JsonToken.START_ARRAY) {
                JsonToken element = parser.nextToken();
                if (element == JsonToken.START_OBJECT) {
                    collectNames(parser, inner);
                    innerDone = true;
                }
                if (element != JsonToken.END_ARRAY) {
                    skipRestOfArray(parser, element);
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void collectNames(JsonParser parser, Set<String> names) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            names.add(parser.currentName());
            parser.nextToken();
            parser.skipChildren();
        }
    }

    private static void skipRestOfArray(JsonParser parser, JsonToken current) throws IOException {
        if (current == JsonToken.START_ARRAY) {
            parser.skipChildren();
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return;
            }
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                parser.skipChildren();
            } else if (token == JsonToken.END_ARRAY) {
                depth--;
            }
        }
    }
}
