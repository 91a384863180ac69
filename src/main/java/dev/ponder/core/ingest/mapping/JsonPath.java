package dev.ponder.core.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dotted path into a JSON record, as mappings name fields: {@code doc.problem}, {@code choices.0.message.content},
 * and {@code responses[].content} (each element of a list). A path without {@code []} selects one value; with
 * {@code []} it selects a list of values.
 */
public record JsonPath(String text, List<String> segments) {

    public JsonPath {
        Objects.requireNonNull(text, "text");
        segments = List.copyOf(segments);
    }

    public static JsonPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a path must name at least one field");
        }
        List<String> segments = new ArrayList<>();
        for (String part : text.strip().split("\\.")) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has an empty part; write fields as a.b.c");
            }
            if (part.endsWith("[]")) {
                if (part.length() > 2) {
                    segments.add(part.substring(0, part.length() - 2));
                }
                segments.add("[]");
            } else {
                segments.add(part);
            }
        }
        return new JsonPath(text.strip(), segments);
    }

    /** Whether the path walks a list, so it selects several values. */
    public boolean isList() {
        return segments.contains("[]");
    }

    /** The single value the path selects, or {@code null} where it leads nowhere. */
    public JsonNode one(JsonNode record) {
        JsonNode node = record;
        for (String segment : segments) {
            if (node == null || node.isNull()) {
                return null;
            }
            node = step(node, segment);
        }
        return node == null || node.isMissingNode() ? null : node;
    }

    /**
     * The values the path selects: each element where it walks a list ({@code []}); the elements of a list it
     * ends on; otherwise the one value. Empty where it leads nowhere.
     */
    public List<JsonNode> all(JsonNode record) {
        List<JsonNode> found = new ArrayList<>();
        collect(record, 0, found);
        if (!isList() && found.size() == 1 && found.get(0).isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            found.get(0).forEach(elements::add);
            return elements;
        }
        return found;
    }

    private void collect(JsonNode node, int from, List<JsonNode> found) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (from == segments.size()) {
            found.add(node);
            return;
        }
        String segment = segments.get(from);
        if (segment.equals("[]")) {
            if (node.isArray()) {
                for (JsonNode element : node) {
                    collect(element, from + 1, found);
                }
            }
            return;
        }
        collect(step(node, segment), from + 1, found);
    }

    private static JsonNode step(JsonNode node, String segment) {
        if (node.isArray() && segment.chars().allMatch(Character::isDigit)) {
            return node.get(Integer.parseInt(segment));
        }
        return node.get(segment);
    }

    @Override
    public String toString() {
        return text;
    }
}
