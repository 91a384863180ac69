package dev.ponder.app.status;

import dev.ponder.app.task.RunningTask;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * What the status bar shows: the newest running task (title, message, progress) and how many more are
 * running; when idle, the last message of the window.
 */
public final class StatusBarViewModel {
    private final ObservableList<RunningTask> running;
    private final ObservableStringValue idleMessage;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper others = new ReadOnlyStringWrapper("");
    private RunningTask shown;

    public StatusBarViewModel(ObservableList<RunningTask> running, ObservableStringValue idleMessage) {
        this.running = running;
        this.idleMessage = idleMessage;
        running.addListener((ListChangeListener<RunningTask>) change -> follow());
        follow();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The shown task's progress, {@link RunningTask#INDETERMINATE} when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "+2 more" when more than one task runs, else empty. */
    public ReadOnlyStringProperty othersProperty() {
        return others.getReadOnlyProperty();
    }

    /** Cancels the task being shown. */
    public void cancel() {
        if (shown != null) {
            shown.cancel();
        }
    }

    private void follow() {
        RunningTask newest = running.isEmpty() ? null : running.get(running.size() - 1);
        if (newest == shown && shown != null) {
            others.set(running.size() > 1 ? "+" + (running.size() - 1) + " more" : "");
            return;
        }
        shown = newest;
        text.unbind();
        progress.unbind();
        busy.set(newest != null);
        others.set(running.size() > 1 ? "+" + (running.size() - 1) + " more" : "");
        if (newest == null) {
            text.bind(idleMessage);
            progress.set(0);
            return;
        }
        text.bind(Bindings.createStringBinding(
                () -> {
                    String message = newest.messageProperty().get();
                    String cancelling = newest.cancelRequestedProperty().get() ? " (cancelling…)" : "";
                    return (message == null || message.isBlank() ? newest.title() + "…" : message) + cancelling;
                },
                newest.messageProperty(),
                newest.cancelRequestedProperty()));
        progress.bind(newest.progressProperty());
    }
}
