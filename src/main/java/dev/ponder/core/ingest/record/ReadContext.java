package dev.ponder.core.ingest.record;

import dev.ponder.core.ingest.mapping.FieldMapping;
import java.nio.file.Path;

/**
 * What a reader is given besides the bytes: the file's name for messages, its path for formats that need
 * random access (ZIP archives), the enricher that turns drafts into samples, and the user's field mapping
 * for the generic reader ({@code null} otherwise).
 */
public record ReadContext(String fileName, Path file, Enricher enricher, FieldMapping mapping) {

    public ReadContext(String fileName, Path file, Enricher enricher) {
        this(fileName, file, enricher, null);
    }
}
