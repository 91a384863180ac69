package dev.ponder.app.replay;

import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A running replay as the screen shows it: progress and message, the samples streaming now or lately, and the
 * text of the one watched. The sample threads write into {@link LiveTraces}; {@link #poll} copies what changed into
 * these properties, on the FX thread, a few times a second.
 */
public final class LiveReplay {
    private final LiveTraces traces = new LiveTraces();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> units = FXCollections.observableArrayList();
    private final ObjectProperty<String> watched = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final BooleanProperty followLatest = new SimpleBooleanProperty(true);
    private long shownVersion = -1;
    private boolean running;

    LiveReplay() {
        watched.addListener((o, b, n) -> text.set(n == null ? "" : traces.textOf(n)));
    }

    /** The replay's progress in [0, 1]; -1 while it does not know yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Replaying: X of Y samples, N tokens/s, about T left", or how the last replay ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The samples streaming now or lately, by their unit in the replay (problem, budget, sample, round). */
    public ObservableList<String> units() {
        return units;
    }

    /** The sample whose text {@link #textProperty()} shows. */
    public ObjectProperty<String> watchedProperty() {
        return watched;
    }

    /** Whether the watched sample moves to each newly started one. */
    public BooleanProperty followLatestProperty() {
        return followLatest;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Where the sample threads write their text. */
    LiveText sink() {
        return traces;
    }

    /** A task context that also records progress for the screen. */
    TaskContext recording(TaskContext context) {
        return traces.recording(context);
    }

    void start(String loading) {
        traces.clear();
        units.clear();
        watched.set(null);
        text.set("");
        running = true;
        progress.set(-1);
        message.set(loading);
    }

    void say(String words) {
        message.set(words);
    }

    void finish(String words, double done) {
        poll();
        running = false;
        progress.set(done);
        message.set(words);
    }

    /** Copies what the sample threads wrote into the properties; the view calls it a few times a second. */
    public void poll() {
        LiveTraces.Snapshot now = traces.snapshot();
        if (now.version() == shownVersion) {
            return;
        }
        shownVersion = now.version();
        if (!now.units().equals(units)) {
            units.setAll(now.units());
        }
        if (running) {
            progress.set(now.progress());
            message.set(now.message());
        }
        String latest =
                now.units().isEmpty() ? null : now.units().get(now.units().size() - 1);
        if (followLatest.get() && latest != null && !latest.equals(watched.get())) {
            watched.set(latest);
        } else if (watched.get() != null) {
            text.set(traces.textOf(watched.get()));
        }
    }
}
