package dev.ponder.core.task;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs each task at once on the calling thread and tells the listener before {@code submit} returns.
 * For tests and the command line, where there is no UI thread to keep free.
 */
public final class DirectTaskRunner implements TaskRunner {
    private final ProgressListener progress;

    /** Hears progress reports, e.g. to print them on a terminal. */
    public interface ProgressListener {
        ProgressListener NONE = (title, done, total, message) -> {};

        void progress(String title, long done, long total, String message);
    }

    public DirectTaskRunner() {
        this(ProgressListener.NONE);
    }

    public DirectTaskRunner(ProgressListener progress) {
        this.progress = progress;
    }

    @Override
    public <T> TaskHandle submit(String title, BackgroundWork<T> work, TaskListener<? super T> listener) {
        Handle handle = new Handle(title);
        TaskOutcome.of(work, handle).report(listener);
        handle.done = true;
        return handle;
    }

    private final class Handle implements TaskHandle, TaskContext {
        private final String title;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile boolean done;
        private long lastDone;
        private long lastTotal;

        Handle(String title) {
            this.title = title;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isDone() {
            return done;
        }

        @Override
        public void progress(long done, long total) {
            lastDone = done;
            lastTotal = total;
            progress.progress(title, done, total, null);
        }

        @Override
        public void message(String message) {
            progress.progress(title, lastDone, lastTotal, message);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
