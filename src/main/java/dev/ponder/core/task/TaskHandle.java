package dev.ponder.core.task;

/** A submitted task, as its submitter sees it. */
public interface TaskHandle {
    String title();

    /** Asks the work to stop at its next safe point; the listener then hears {@code cancelled()}. */
    void cancel();

    boolean isDone();
}
