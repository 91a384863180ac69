package dev.ponder.app.shell;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help › Keyboard Shortcuts: the keys and what they do. */
final class ShortcutsDialog {
    private static final boolean MAC =
            System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");

    private ShortcutsDialog() {}

    /** The menus' Shortcut key is Ctrl on Linux and Windows and ⌘ on macOS; the list says which. */
    static String forThisPlatform(String keys, boolean mac) {
        return mac ? keys.replace("Ctrl+Shift+", "⇧⌘").replace("Ctrl+", "⌘") : keys;
    }

    static void show(Window owner, List<String[]> shortcuts) {
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        grid.setId("shortcuts-grid");
        for (int i = 0; i < shortcuts.size(); i++) {
            Label keys = new Label(forThisPlatform(shortcuts.get(i)[0], MAC));
            keys.setStyle("-fx-font-weight: bold;");
            grid.addRow(i, keys, new Label(forThisPlatform(shortcuts.get(i)[1], MAC)));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.setTitle("Keyboard Shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.initOwner(owner);
        alert.show();
    }
}
