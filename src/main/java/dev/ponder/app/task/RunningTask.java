package dev.ponder.app.task;

import dev.ponder.core.task.TaskContext;
import dev.ponder.core.task.TaskHandle;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A task as the UI sees it: title, latest message and progress as JavaFX properties. Workers report
 * through {@link #context()}; updates are coalesced so that at most one is queued on the FX thread at
 * a time, and shown at most five times a second, however fast the work reports.
 */
public final class RunningTask implements TaskHandle {
    /** Progress value meaning "unknown", as {@link javafx.scene.control.ProgressIndicator} expects. */
    public static final double INDETERMINATE = -1;

    private final ReadOnlyStringWrapper title;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(INDETERMINATE);
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(false);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private final AtomicReference<Update> latest = new AtomicReference<>(new Update(INDETERMINATE, ""));
    private volatile boolean done;
    private final TaskContext context = new Context();

    private record Update(double progress, String message) {}

    /**
     * How often a task's progress is shown at most: each change of the status bar's text lays out and draws the
     * window again, which, at every pulse, took a fifth of a core from the work it reported on.
     */
    private static final long SHOWN_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** Holds an update back until its turn; one daemon thread for every task. */
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "ponder-progress");
        thread.setDaemon(true);
        return thread;
    });

    private volatile long lastShown = System.nanoTime() - SHOWN_EVERY_NANOS;

    RunningTask(String title) {
        this.title = new ReadOnlyStringWrapper(title);
    }

    @Override
    public String title() {
        return title.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    @Override
    public void cancel() {
        cancelled.set(true);
        FxThread.run(() -> cancelRequested.set(true));
    }

    @Override
    public boolean isDone() {
        return done;
    }

    void markDone() {
        done = true;
    }

    TaskContext context() {
        return context;
    }

    private final class Context implements TaskContext {
        @Override
        public void progress(long done, long total) {
            double fraction = total > 0 ? Math.min(1.0, Math.max(0.0, (double) done / total)) : INDETERMINATE;
            latest.updateAndGet(update -> new Update(fraction, update.message()));
            queueUpdate();
        }

        @Override
        public void message(String text) {
            latest.updateAndGet(update -> new Update(update.progress(), text == null ? "" : text));
            queueUpdate();
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        private void queueUpdate() {
            if (updateQueued.compareAndSet(false, true)) {
                long wait = lastShown + SHOWN_EVERY_NANOS - System.nanoTime();
                if (wait <= 0) {
                    Platform.runLater(this::show);
                } else {
                    LATER.schedule(() -> Platform.runLater(this::show), wait, TimeUnit.NANOSECONDS);
                }
            }
        }

        private void show() {
            // lastShown first: a report that queues the next update must see this one's time, or it is shown at once
            lastShown = System.nanoTime();
            updateQueued.set(false);
            Update update = latest.get();
            progress.set(update.progress());
            message.set(update.message());
        }
    }
}
