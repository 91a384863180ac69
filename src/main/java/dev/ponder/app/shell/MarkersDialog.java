package dev.ponder.app.shell;

import dev.ponder.core.trace.ReflectionMarkers;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Analysis › Reflection Markers: the phrases that open a new thought and count as reflection, one per line.
 * The answer is the new list, or an empty optional when cancelled; "Restore Defaults" fills in Ponder's own.
 */
final class MarkersDialog {
    private MarkersDialog() {
    }

    static Optional<List<String>> show(Window owner, List<String> current) {
        Dialog<List<String>> dialog = new Dialog<>();
        dialog.setTitle("Reflection Markers");
        dialog.setHeaderText("Phrases that open a new thought and count as reflection");
        dialog.initOwner(owner);
        TextArea phrases = new TextArea(String.join("\n", current));
        phrases.setId("markerPhrases");
        phrases.setPrefRowCount(10);
        phrases.setPrefColumnCount(28);
        Label help = new Label("One phrase per line. They match whole words, ignoring case. Overthinking figures\n"
                + "computed from now on (ponder stats included) use this list.");
        help.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, help, phrases));
        ButtonType restore = new ButtonType("Restore Defaults", ButtonBar.ButtonData.LEFT);
        dialog.getDialogPane().getButtonTypes().addAll(restore, ButtonType.CANCEL, ButtonType.OK);
        dialog.getDialogPane().lookupButton(restore).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            phrases.setText(String.join("\n", ReflectionMarkers.DEFAULT.phrases()));
            event.consume();
        });
        dialog.setResultConverter(button -> button == ButtonType.OK ? lines(phrases.getText()) : null);
        return dialog.showAndWait();
    }

    /** The non-blank lines, stripped. */
    static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).distinct().toList();
    }
}
