package dev.ponder.app.common;

import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.settings.UserSettings;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What Ponder remembers between starts, shared by the screens that change it: a change is saved at once, so a crash
 * loses nothing, or (for what changes with every click of a spinner: a chart's options) shortly after the last of a
 * run of changes, on a thread of its own; and observed, so menus that list recent files follow. Changed on the FX
 * thread only.
 */
public final class AppSettings {
    private static final Logger LOG = Logger.getLogger(AppSettings.class.getName());

    /** How long a run of quick changes waits after its last before it is saved. */
    static final long QUIET_MILLIS = 500;

    private final SettingsStore store;
    private final ReadOnlyObjectWrapper<UserSettings> current;
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ponder-settings-save");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pending;
    private long changes;
    private long written = -1;

    public AppSettings(SettingsStore store) {
        this.store = store;
        this.current = new ReadOnlyObjectWrapper<>(store.load());
    }

    public UserSettings get() {
        return current.get();
    }

    public ReadOnlyObjectProperty<UserSettings> property() {
        return current.getReadOnlyProperty();
    }

    /** Changes the settings and saves them; a failed save is logged, and the change still holds for this session. */
    public void update(UnaryOperator<UserSettings> change) {
        current.set(change.apply(current.get()));
        cancelPending();
        save(current.get(), ++changes);
    }

    /**
     * Changes the settings now and saves them once no further change has come for {@link #QUIET_MILLIS}: for
     * changes that come many a second (a spinner held down), so the file is written once, not at every tick.
     */
    public void updateSoon(UnaryOperator<UserSettings> change) {
        current.set(change.apply(current.get()));
        cancelPending();
        UserSettings settled = current.get();
        long number = ++changes;
        pending = saver.schedule(() -> save(settled, number), QUIET_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Saves a change still waiting for quiet: before Ponder exits. */
    public void flush() {
        if (cancelPending()) {
            save(current.get(), changes);
        }
    }

    private boolean cancelPending() {
        boolean waiting = pending != null && pending.cancel(false);
        pending = null;
        return waiting;
    }

    /** Writes the settings as they stood after a change, unless a later change was written already. */
    private synchronized void save(UserSettings settings, long change) {
        if (change <= written) {
            return;
        }
        written = change;
        try {
            store.save(settings);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot save settings to " + store.file(), e);
        }
    }
}
