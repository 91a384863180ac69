package dev.ponder.core.service;

import dev.ponder.core.PonderVersion;
import dev.ponder.core.replay.EmbeddedLlama;
import dev.ponder.core.store.SqliteInfo;

/** What Ponder runs on, one line each: for About and for the report an error dialog copies. */
public final class Versions {
    private Versions() {}

    public static String describe() {
        return "Ponder " + PonderVersion.current() + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version") + "\n"
                + "SQLite " + SqliteInfo.version() + "\n"
                + "llama.cpp binding de.kherud:llama " + EmbeddedLlama.LIBRARY_VERSION + "\n"
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
    }
}
