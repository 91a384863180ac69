package dev.ponder.app.task;

import javafx.application.Platform;

/** Runs code on the JavaFX application thread: now if already there, else queued. */
final class FxThread {
    private FxThread() {}

    static void run(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
