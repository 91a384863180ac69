package dev.ponder.core.ingest.record;

/**
 * A file could not be imported at all. The message names the file, where in it the problem is, and what
 * was expected; nothing of the file was written.
 */
public class ImportException extends RuntimeException {
    private final String file;
    private final String location;

    public ImportException(String file, String location, String message, Throwable cause) {
        super(file + (location == null ? "" : ", " + location) + ": " + message, cause);
        this.file = file;
        this.location = location;
    }

    public ImportException(String file, String location, String message) {
        this(file, location, message, null);
    }

    public String file() {
        return file;
    }

    /** Where in the file, e.g. "line 3", or {@code null} for the file as a whole. */
    public String location() {
        return location;
    }
}
