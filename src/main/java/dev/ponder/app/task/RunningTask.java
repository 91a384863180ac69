package dev.ponder.app.task;

import dev.ponder.core.task.TaskContext;
import dev.ponder.core.task.TaskHandle;
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
 * a time, however fast the work reports.
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
                Platform.runLater(() -> {
                    updateQueued.set(false);
                    Update update = latest.get();
                    progress.set(update.progress());
                    message.set(update.message());
                });
            }
        }
    }
}
