package dev.ponder.core.ingest.record;

/** One record has the wrong shape; readers catch it and skip the record with this message as the reason. */
public final class RecordException extends RuntimeException {
    public RecordException(String message) {
        super(message);
    }
}
