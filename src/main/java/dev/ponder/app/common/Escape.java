package dev.ponder.app.common;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/** Esc closes a tool window wherever its focus is: a filter sees the key before a text field or list takes it. */
public final class Escape {
    private Escape() {}

    public static void closes(Stage stage) {
        stage.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.hide();
                event.consume();
            }
        });
    }
}
