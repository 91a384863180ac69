package dev.ponder.core.ingest.plan;

import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.json.JsonRecords;
import dev.ponder.core.ingest.record.FileHead;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * What kind of records a file holds, by their field names: files of one shape (say, a lab's own eval script's
 * JSONL) share one saved field mapping. CSV shapes are their header's columns.
 *
 * @param kind   {@code csv}, {@code json} or {@code jsonl}
 * @param fields the first record's field names, sorted
 */
public record FileShape(String kind, List<String> fields) {

    public FileShape {
        fields = List.copyOf(new TreeSet<>(fields));
    }

    public static FileShape of(FileHead head) {
        String text = head.text().stripLeading();
        if (!text.startsWith("{") && !text.startsWith("[")) {
            String header = text.lines().findFirst().orElse("");
            List<String> columns = java.util.Arrays.stream(header.split(","))
                    .map(column -> column.strip().replaceAll("^\"|\"$", ""))
                    .filter(column -> !column.isEmpty())
                    .toList();
            return new FileShape("csv", columns);
        }
        return new FileShape(
                JsonRecords.isJsonLines(text) ? "jsonl" : "json",
                List.copyOf(JsonHead.of(head).keys()));
    }

    /** A short stable key for saving a mapping under. */
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + String.join("\u0000", fields)).getBytes(StandardCharsets.UTF_8));
            return kind + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
