package dev.ponder.app;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** Finding what is on screen in a headless window test: nodes in showing windows, and dialog buttons. */
final class FxLookups {
    private FxLookups() {}

    /**
     * A visible node in a window on screen (menus keep items of popups not shown). Looked for on the FX thread:
     * telling whether a node is visible lays out its text, which must not race the FX thread's own layout.
     */
    static Optional<Node> shown(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).queryAll().stream()
                .filter(node -> node.getScene() != null
                        && node.getScene().getWindow() != null
                        && node.getScene().getWindow().isShowing())
                .findFirst());
    }

    /** A dialog's enabled button with this text, once the dialog shows (a column header may carry the same text). */
    static Optional<Button> dialogButton(FxRobot robot, String text) {
        return onFx(() -> robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(button -> text.equals(button.getText())
                        && button.isVisible()
                        && !button.isDisabled()
                        && button.getScene() != null
                        && button.getScene().getWindow().isShowing())
                .findFirst());
    }

    /** Runs a lookup on the FX thread; empty when the scene changed under it or it took too long. */
    static <T> Optional<T> onFx(Callable<Optional<T>> lookup) {
        try {
            return WaitForAsyncUtils.asyncFx(lookup).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException sceneChanging) {
            return Optional.empty();
        }
    }
}
