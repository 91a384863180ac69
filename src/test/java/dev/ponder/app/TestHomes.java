package dev.ponder.app;

import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.settings.UserSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Ponder folders for window tests. */
final class TestHomes {
    private TestHomes() {}

    /** A Ponder folder whose user has seen the welcome already, so a test starts at the window itself. */
    static Path welcomed(Path home) {
        try {
            new SettingsStore(home.resolve("settings.json")).save(UserSettings.DEFAULTS.withWelcomeSeen());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return home;
    }
}
