package dev.ponder.core.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a JSON Lines file all or nothing ({@link AtomicFile}). */
final class JsonLinesFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY =
            JsonFactory.builder().disable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** What fills the file, given a generator that writes values one after another (the caller ends lines). */
    interface Content<T> {
        T write(JsonGenerator json) throws IOException;
    }

    private JsonLinesFile() {}

    static <T> T write(Path out, Content<T> content) {
        return AtomicFile.write(out, stream -> {
            try (JsonGenerator json = FACTORY.createGenerator(stream, JsonEncoding.UTF8)) {
                json.setCodec(JSON);
                json.setRootValueSeparator(null);
                return content.write(json);
            }
        });
    }
}
