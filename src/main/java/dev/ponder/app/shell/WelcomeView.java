package dev.ponder.app.shell;

import dev.ponder.app.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The welcome screen laid over the window on a first start (and from Help › Welcome): what Ponder does, and the
 * three ways in (the sample runs, a file of one's own, a model). Clicking beside the card or Esc closes it.
 */
final class WelcomeView {
    /** What the welcome's buttons do. */
    interface Actions {
        void openSampleRuns();

        void importFile();

        void connectModel();

        /** The welcome closed, whichever way. */
        void closed();
    }

    private final Actions actions;
    private final Parent root;

    @FXML
    private StackPane backdrop;

    @FXML
    private VBox card;

    @FXML
    private ImageView logo;

    @FXML
    private Button sampleRuns;

    WelcomeView(Actions actions) {
        this.actions = actions;
        this.root = Fxml.load(this, "Welcome.fxml");
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        backdrop.setId("welcome");
        logo.setImage(AppIcons.largest());
        backdrop.setOnMouseClicked(event -> {
            if (event.getTarget() == backdrop) {
                close();
            }
        });
        backdrop.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                close();
                event.consume();
            }
        });
        backdrop.sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                sampleRuns.requestFocus();
            }
        });
    }

    @FXML
    private void openSampleRuns() {
        close();
        actions.openSampleRuns();
    }

    @FXML
    private void importFile() {
        close();
        actions.importFile();
    }

    @FXML
    private void connectModel() {
        close();
        actions.connectModel();
    }

    @FXML
    private void close() {
        actions.closed();
    }
}
