package dev.ponder.app.shell;

import dev.ponder.app.common.Notice;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Shows a {@link Notice}: the message in plain words; for an error also "Details" (the stack trace, with the
 * versions) and "Copy", which puts that report on the clipboard for a bug report and leaves the dialog open.
 */
final class NoticeDialog {
    static final ButtonType COPY = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);

    private NoticeDialog() {}

    static Alert show(Window owner, Notice notice) {
        boolean error = notice.kind() == Notice.Kind.ERROR;
        Alert alert = new Alert(error ? Alert.AlertType.ERROR : Alert.AlertType.INFORMATION);
        alert.setTitle(notice.title());
        alert.setHeaderText(notice.title());
        Label message = new Label(notice.message());
        message.setWrapText(true);
        message.setId("notice-message");
        alert.getDialogPane().setContent(message);
        alert.getDialogPane().setMinWidth(540);
        alert.getDialogPane().setPrefWidth(600);
        if (error) {
            String report = ErrorReport.of(notice);
            TextArea details = new TextArea(report);
            details.setId("error-details");
            details.setEditable(false);
            details.setPrefRowCount(14);
            alert.getDialogPane().setExpandableContent(details);
            alert.getButtonTypes().add(0, COPY);
            Button copy = (Button) alert.getDialogPane().lookupButton(COPY);
            copy.setId("copy-error");
            CopyButton.copies(copy, report);
        }
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
        return alert;
    }
}
