package dev.ponder.core.task;

import java.util.function.Consumer;

/** Runs work away from the caller's thread (or, for tests, on it) and tells a listener how it ended. */
public interface TaskRunner {

    <T> TaskHandle submit(String title, BackgroundWork<T> work, TaskListener<? super T> listener);

    /** Runs {@code action} on the thread listeners are told on (the window's thread; the caller's, in tests). */
    default void tell(Runnable action) {
        action.run();
    }

    default <T> TaskHandle submit(
            String title, BackgroundWork<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(title, work, new TaskListener<T>() {
            @Override
            public void succeeded(T result) {
                onSuccess.accept(result);
            }

            @Override
            public void failed(Throwable error) {
                onFailure.accept(error);
            }
        });
    }
}
