package dev.ponder.app.common;

import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.settings.UserSettings;
import java.io.IOException;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What Ponder remembers between starts, shared by the screens that change it: each change is saved at once, so
 * a crash loses nothing, and observed, so menus that list recent files follow. Used on the FX thread only.
 */
public final class AppSettings {
    private static final Logger LOG = Logger.getLogger(AppSettings.class.getName());

    private final SettingsStore store;
    private final ReadOnlyObjectWrapper<UserSettings> current;

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
        try {
            store.save(current.get());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot save settings to " + store.file(), e);
        }
    }
}
