package dev.ponder.core.ingest.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first bytes of a file, which readers look at to recognise their format by content. A JSON file whose first line
 * is longer than {@link #SIZE} (256 samples with their step scores in one search-and-learn record) is read on to the
 * end of its first records, up to {@link #CAP}, and its head is those records condensed ({@link CondensedRecords}):
 * every field name kept, long texts and long lists shortened.
 *
 * @param capped the first record was longer than {@link #CAP} and is cut there
 */
public record FileHead(String fileName, byte[] bytes, boolean capped) {
    public static final int SIZE = 64 * 1024;

    /** How far into a long first record detection reads. */
    public static final long CAP = 64L << 20;

    public FileHead(String fileName, byte[] bytes) {
        this(fileName, bytes, false);
    }

    public static FileHead of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SIZE);
        }
        String name = String.valueOf(file.getFileName());
        if (head.length == SIZE && CondensedRecords.startsWithLongJsonLine(head)) {
            CondensedRecords condensed = CondensedRecords.of(file, CAP);
            return new FileHead(name, condensed.text().getBytes(StandardCharsets.UTF_8), condensed.capped());
        }
        return new FileHead(name, head, false);
    }

    /** The head decoded as UTF-8 (malformed bytes replaced), without a byte-order mark. */
    public String text() {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The first line that is not blank, or the empty string. */
    public String firstLine() {
        for (String line : text().split("\\R", 64)) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }
}
