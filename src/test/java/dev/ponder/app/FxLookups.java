package dev.ponder.app;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/** Finding what is on screen in a headless window test: nodes in showing windows, and dialog buttons. */
final class FxLookups {
    private FxLookups() {}

    /** A visible node in a window on screen (menus keep items of popups not shown). */
    static Optional<Node> shown(FxRobot robot, String query) {
        return robot.lookup(query).match(NodeQueryUtils.isVisible()).queryAll().stream()
                .filter(node -> node.getScene() != null
                        && node.getScene().getWindow() != null
                        && node.getScene().getWindow().isShowing())
                .findFirst();
    }

    /** A dialog's enabled button with this text, once the dialog shows (a column header may carry the same text). */
    static Optional<Button> dialogButton(FxRobot robot, String text) {
        try {
            return robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                    .filter(button -> text.equals(button.getText())
                            && button.isVisible()
                            && !button.isDisabled()
                            && button.getScene() != null
                            && button.getScene().getWindow().isShowing())
                    .findFirst();
        } catch (RuntimeException sceneChanging) {
            return Optional.empty();
        }
    }
}
