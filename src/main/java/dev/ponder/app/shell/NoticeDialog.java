package dev.ponder.app.shell;

import dev.ponder.app.Notice;
import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Shows a {@link Notice}: the message in plain words, the stack trace under "Show Details" for errors. */
final class NoticeDialog {
    private NoticeDialog() {
    }

    static void show(Window owner, Notice notice) {
        Alert alert = new Alert(notice.kind() == Notice.Kind.ERROR ? Alert.AlertType.ERROR : Alert.AlertType.INFORMATION,
                notice.message(), ButtonType.OK);
        alert.setTitle(notice.title());
        alert.setHeaderText(notice.title());
        alert.getDialogPane().setMinWidth(520);
        if (notice.cause() != null) {
            StringWriter trace = new StringWriter();
            notice.cause().printStackTrace(new PrintWriter(trace));
            TextArea details = new TextArea(trace.toString());
            details.setEditable(false);
            details.setPrefRowCount(14);
            alert.getDialogPane().setExpandableContent(details);
        }
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }
}
