package dev.ponder.app.shell;

import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** A dialog's Copy button: puts its text on the clipboard, says "Copied", and leaves the dialog open. */
final class CopyButton {
    private CopyButton() {}

    static void copies(Button button, String text) {
        button.addEventFilter(ActionEvent.ACTION, event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
            button.setText("Copied");
            event.consume();
        });
    }
}
