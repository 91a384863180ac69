package dev.ponder.core.ingest.record;

/**
 * No reader recognises the file's content. The file may still import with a field mapping, which is why the
 * app answers this one with the mapping dialog rather than an error.
 */
public final class UnrecognisedFileException extends ImportException {
    public UnrecognisedFileException(String file, String message) {
        super(file, null, message);
    }
}
