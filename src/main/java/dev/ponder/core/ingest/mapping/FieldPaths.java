package dev.ponder.core.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dotted paths a mapping can name in a few sample records, in the order they first appear: every field,
 * nested fields as {@code a.b}, and fields of list elements as {@code a[].b}. A list of values is named by its
 * own path ({@code generations}), which selects its elements.
 */
public final class FieldPaths {
    private static final int MAX_DEPTH = 5;
    private static final int MAX_PATHS = 300;

    private FieldPaths() {}

    public static List<String> of(List<JsonNode> records) {
        Set<String> paths = new LinkedHashSet<>();
        for (JsonNode record : records) {
            walk(record, "", 0, paths);
        }
        return List.copyOf(paths);
    }

    private static void walk(JsonNode node, String prefix, int depth, Set<String> paths) {
        if (depth > MAX_DEPTH || paths.size() >= MAX_PATHS) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().contains(".")) {
                    continue; // a dotted path cannot name it
                }
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                walk(field.getValue(), path, depth + 1, paths);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.isObject()) {
                    walk(element, prefix + "[]", depth + 1, paths);
                }
            }
        }
    }
}
