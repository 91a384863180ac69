package dev.ponder.core.replay;

/** A model or replay failure, worded for the researcher: what failed and what to do about it. */
public class ReplayException extends Exception {

    public ReplayException(String message) {
        super(message);
    }

    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
