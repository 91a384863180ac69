package dev.ponder.app.task;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Catches what no code caught, on any thread: logs it and hands it to the window on the JavaFX thread, so a bug
 * shows as a dialog instead of a window that silently stops answering.
 */
public final class UncaughtErrors {
    private static final Logger LOG = Logger.getLogger(UncaughtErrors.class.getName());

    private UncaughtErrors() {}

    /** Installs the handler for every thread; call it on the JavaFX thread, whose own handler JavaFX consults. */
    public static void install(Consumer<Throwable> show) {
        Thread.UncaughtExceptionHandler handler = (thread, error) -> {
            LOG.log(Level.SEVERE, "Uncaught on thread " + thread.getName(), error);
            FxThread.run(() -> show.accept(error));
        };
        Thread.setDefaultUncaughtExceptionHandler(handler);
        Thread.currentThread().setUncaughtExceptionHandler(handler);
    }
}
