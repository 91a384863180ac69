package dev.ponder.core.task;

/**
 * Hears how a task ended. Exactly one method is called, once the work has fully stopped (so that, for
 * example, a cancelled import has rolled back before {@link #cancelled()} runs). Runners call it on the
 * thread their clients expect: the JavaFX application thread in the app, the caller's thread in tests.
 */
public interface TaskListener<T> {
    default void succeeded(T result) {}

    default void failed(Throwable error) {}

    default void cancelled() {}
}
