package dev.ponder.app;

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
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Notice(Kind.ERROR, title, message, cause);
    }

    public static Notice info(String title, String message) {
        return new Notice(Kind.INFO, title, message, null);
    }
}
