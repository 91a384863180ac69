package dev.ponder.app.common;

/**
 * Something the user must be told in a dialog: a failure in plain words (with the exception behind it
 * for "Details"), or a result worth a message.
 */
public record Notice(Kind kind, String title, String message, Throwable cause) {
    public enum Kind {
        INFO,
        ERROR
    }

    public static Notice error(String title, Throwable cause) {
        String message = cause.getMessage() == null || cause.getMessage().isBlank()
                ? "It failed without saying why; the details below have what is known."
                : cause.getMessage();
        return new Notice(Kind.ERROR, title, message, cause);
    }

    /** A bug: an exception no code expected. Says so plainly, and that the workspace is not damaged by it. */
    public static Notice unexpected(Throwable cause) {
        return new Notice(
                Kind.ERROR,
                "Something went wrong inside Ponder",
                "Ponder hit an error it did not expect. "
                        + "Your workspace is safe: its changes are written whole or not at all. "
                        + "You can go on working; if it happens again, please report it with the details below "
                        + "(Copy puts them on the clipboard) and the log file (Help › Open Log Folder).",
                cause);
    }

    public static Notice info(String title, String message) {
        return new Notice(Kind.INFO, title, message, null);
    }
}
