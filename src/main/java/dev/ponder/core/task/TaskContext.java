package dev.ponder.core.task;

/** What running work may tell its runner, and ask of it. Safe to call from the working thread. */
public interface TaskContext {

    /** A context that ignores progress and is never cancelled. */
    TaskContext NONE = new TaskContext() {
        @Override
        public void progress(long done, long total) {}

        @Override
        public void message(String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports {@code done} of {@code total} units; a {@code total} of zero or less means "unknown". */
    void progress(long done, long total);

    /** A short line saying what is being done now, e.g. "Importing runs.jsonl: 1,204 samples". */
    void message(String message);

    boolean isCancelled();

    /** Throws {@link TaskCancelledException} once cancellation was asked for; call it at safe points. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new TaskCancelledException();
        }
    }
}
