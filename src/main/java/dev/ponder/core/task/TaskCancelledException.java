package dev.ponder.core.task;

/** Thrown by work that stops because it was cancelled; runners report it as a cancellation, not a failure. */
public final class TaskCancelledException extends RuntimeException {
    public TaskCancelledException() {
        super("cancelled");
    }
}
