package dev.ponder.core.ingest.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first bytes of a file, which readers look at to recognise their format by content. */
public record FileHead(String fileName, byte[] bytes) {
    public static final int SIZE = 64 * 1024;

    public static FileHead of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileHead(String.valueOf(file.getFileName()), in.readNBytes(SIZE));
        }
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
