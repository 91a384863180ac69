package dev.ponder.core.ingest;

import java.nio.file.Path;

/**
 * What a reader is given besides the bytes: the file's name for messages, its path for formats that need
 * random access (ZIP archives), and the enricher that turns drafts into samples.
 */
public record ReadContext(String fileName, Path file, Enricher enricher) {
}
