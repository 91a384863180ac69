package dev.ponder.app.task;

import dev.ponder.core.task.BackgroundWork;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskListener;
import dev.ponder.core.task.TaskOutcome;
import dev.ponder.core.task.TaskRunner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs work on a small pool of daemon worker threads and tells listeners, on the JavaFX application
 * thread, once the work has fully stopped. The tasks under way are listed for the status bar.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FxTaskRunner.class.getName());

    private final ExecutorService workers;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final ObservableList<RunningTask> runningView = FXCollections.unmodifiableObservableList(running);

    /** More workers than cores: most tasks wait on the workspace, and a long one must not hold up a click. */
    public FxTaskRunner() {
        this(Math.max(6, 2 * Runtime.getRuntime().availableProcessors()));
    }

    public FxTaskRunner(int threads) {
        workers = Executors.newFixedThreadPool(threads, new WorkerThreads());
    }

    /** Tasks submitted and not yet finished, oldest first. Changes on the FX thread only. */
    public ObservableList<RunningTask> running() {
        return runningView;
    }

    @Override
    public void tell(Runnable action) {
        FxThread.run(action);
    }

    @Override
    public <T> TaskHandle submit(String title, BackgroundWork<T> work, TaskListener<? super T> listener) {
        RunningTask task = new RunningTask(title);
        FxThread.run(() -> running.add(task));
        workers.execute(() -> {
            TaskOutcome<T> outcome = TaskOutcome.of(work, task.context());
            task.markDone();
            FxThread.run(() -> {
                running.remove(task);
                try {
                    outcome.report(listener);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "A listener of task '" + title + "' failed", e);
                }
            });
        });
        return task;
    }

    /** Cancels what is running and waits briefly for workers to stop. */
    @Override
    public void close() {
        running.forEach(RunningTask::cancel);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("Background tasks did not stop within 5 seconds of closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "ponder-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
