package dev.ponder.core.store;

import java.nio.file.Path;

/** A workspace could not be opened, created, read or written; the message says why in plain words. */
public final class WorkspaceException extends RuntimeException {

    /** What went wrong, for callers that react differently (e.g. offer to update Ponder). */
    public enum Reason {
        NOT_FOUND,
        ALREADY_EXISTS,
        NOT_A_WORKSPACE,
        TOO_NEW,
        /** The workspace is open read-only (a read-only disk or file): reading works, changing it does not. */
        READ_ONLY,
        FAILED
    }

    private final Reason reason;
    private final transient Path file;

    public WorkspaceException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
    }

    public WorkspaceException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }
}
