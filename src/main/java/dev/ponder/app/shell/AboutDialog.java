package dev.ponder.app.shell;

import dev.ponder.core.service.Versions;
import dev.ponder.core.settings.PonderHome;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Window;

/** Help › About: what Ponder is, the versions it runs on and where it keeps its files, for bug reports. */
final class AboutDialog {
    private AboutDialog() {}

    static String versions(PonderHome home) {
        return Versions.describe() + "\n\nSettings: " + home.settingsFile() + "\nLog: " + home.logsDir();
    }

    static void show(Window owner, PonderHome home) {
        String text = versions(home);
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("About Ponder");
        alert.setHeaderText("Ponder\nA workbench for test-time scaling research on reasoning models");
        ImageView logo = new ImageView(AppIcons.largest());
        logo.setFitWidth(64);
        logo.setFitHeight(64);
        alert.setGraphic(logo);
        Label body = new Label(text);
        body.setId("about-versions");
        alert.getDialogPane().setContent(body);
        ButtonType copy = new ButtonType("Copy", ButtonBar.ButtonData.LEFT);
        alert.getButtonTypes().setAll(copy, ButtonType.OK);
        Button copyButton = (Button) alert.getDialogPane().lookupButton(copy);
        CopyButton.copies(copyButton, text);
        alert.initOwner(owner);
        alert.show();
    }
}
