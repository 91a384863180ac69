package dev.ponder.core.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a JSON Lines file all or nothing: into a temporary file beside it, moved into place once complete, so a
 * failed or cancelled export leaves neither a half-written file nor the temporary one.
 */
final class JsonLinesFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** What fills the file, given a generator that writes values one after another (the caller ends lines). */
    interface Content<T> {
        T write(JsonGenerator json) throws IOException;
    }

    private JsonLinesFile() {
    }

    static <T> T write(Path out, Content<T> content) {
        Path temporary = out.toAbsolutePath().resolveSibling(out.getFileName() + ".part");
        try {
            T result;
            try (OutputStream stream = Files.newOutputStream(temporary);
                 JsonGenerator json = FACTORY.createGenerator(stream, JsonEncoding.UTF8)) {
                json.setCodec(JSON);
                json.setRootValueSeparator(null);
                result = content.write(json);
            }
            Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the export's own outcome is what matters
            }
        }
    }
}
