package dev.ponder.app.shell;

import dev.ponder.core.PonderVersion;
import dev.ponder.core.store.SqliteInfo;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Help › About: what Ponder is and the versions it runs on, for bug reports. */
final class AboutDialog {
    private AboutDialog() {
    }

    static void show(Window owner) {
        String text = "A workbench for test-time scaling research on reasoning models.\n\n"
                + "Ponder " + PonderVersion.current() + "\n"
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")\n"
                + "JavaFX " + System.getProperty("javafx.runtime.version") + "\n"
                + "SQLite " + SqliteInfo.version() + "\n"
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.setTitle("About Ponder");
        alert.setHeaderText("Ponder");
        alert.initOwner(owner);
        alert.show();
    }
}
