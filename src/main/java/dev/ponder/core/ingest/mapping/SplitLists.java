package dev.ponder.core.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists that are pieces of another field's text — an overthinking study's split solutions, a response cut into
 * steps — rather than samples: their pieces appear in order in one text of the same record and make up most of it.
 * Taking such a list for a list of responses would turn each piece of one sample into a sample.
 */
final class SplitLists {
    /** The share of the whole text the pieces must cover, so that short answers that happen to occur do not count. */
    private static final double COVERED = 0.5;

    private SplitLists() {}

    static boolean isSplitOfAnotherField(String path, JsonNode record) {
        JsonPath parsed = JsonPath.parse(path);
        JsonNode value = parsed.isList() ? null : parsed.one(record);
        if (value == null || !value.isArray()) {
            return false;
        }
        List<String> pieces = new ArrayList<>();
        for (JsonNode piece : value) {
            if (!piece.isTextual()) {
                return false;
            }
            if (!piece.asText().isBlank()) {
                pieces.add(piece.asText().strip());
            }
        }
        if (pieces.size() < 2) {
            return false;
        }
        List<String> texts = new ArrayList<>();
        collectTexts(record, value, texts);
        return texts.stream().anyMatch(text -> madeOf(text, pieces));
    }

    /** Whether the pieces occur in the text in order, without overlapping, and cover most of it. */
    private static boolean madeOf(String text, List<String> pieces) {
        int from = 0;
        long covered = 0;
        for (String piece : pieces) {
            int at = text.indexOf(piece, from);
            if (at < 0) {
                return false;
            }
            from = at + piece.length();
            covered += piece.length();
        }
        return covered >= COVERED * text.strip().length();
    }

    /** Every text value of the record, outside the list itself. */
    private static void collectTexts(JsonNode node, JsonNode list, List<String> texts) {
        if (node == list) {
            return;
        }
        if (node.isTextual()) {
            texts.add(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectTexts(child, list, texts));
        }
    }
}
