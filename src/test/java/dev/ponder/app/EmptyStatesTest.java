package dev.ponder.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An empty workspace, every screen: each list says what to do next, and each button in the window says what it
 * does when the pointer rests on it.
 */
class EmptyStatesTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Application app;

    @BeforeEach
    void start() throws Exception {
        Path home = TestHomes.welcomed(dir.resolve("home"));
        Workspace.create(new PonderHome(home).defaultWorkspace()).close();
        app = PonderWindow.open(home, new ScriptedDialogs());
        stage = FxToolkit.toolkitContext().getRegisteredStage();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getTitle().startsWith("default"));
    }

    @AfterEach
    void stop() throws Exception {
        PonderWindow.close(app);
    }

    @Test
    void everyListSaysWhatToDoAndEveryButtonHasATooltip() throws Exception {
        // Every tab's content is in the scene graph, shown or not: one walk sees every screen.
        List<String> silentLists = new ArrayList<>();
        List<String> buttonsWithoutTips = new ArrayList<>();
        walk(stage.getScene().getRoot(), "window", silentLists, buttonsWithoutTips);
        assertThat(silentLists)
                .as("lists with no placeholder telling what to do")
                .isEmpty();
        assertThat(buttonsWithoutTips).as("buttons with no tooltip").isEmpty();
    }

    private static void walk(Node node, String where, List<String> silentLists, List<String> buttonsWithoutTips) {
        if (insideControlSkin(node)) {
            return;
        }
        // The list of chart kinds is never empty: Ponder fills it.
        if (node instanceof TableView<?> table && !hasGuidance(table.getPlaceholder())) {
            silentLists.add(where + ": " + describe(table));
        } else if (node instanceof ListView<?> list
                && !hasGuidance(list.getPlaceholder())
                && !"chart-kinds".equals(list.getId())) {
            silentLists.add(where + ": " + describe(list));
        } else if (node instanceof TreeTableView<?> tree && !hasGuidance(tree.getPlaceholder())) {
            silentLists.add(where + ": " + describe(tree));
        }
        if (node instanceof ButtonBase button
                && !(button instanceof CheckBox)
                && !(button instanceof RadioButton)
                && button.getTooltip() == null) {
            buttonsWithoutTips.add(where + ": " + describe(button) + " '" + button.getText() + "'");
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, where, silentLists, buttonsWithoutTips);
            }
        }
    }

    /** Buttons a control draws for itself (a spinner's arrows, a scroll bar's) are the control's, not ours. */
    private static boolean insideControlSkin(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof javafx.scene.control.Control control
                    && !(parent instanceof ButtonBase)
                    && !(control instanceof javafx.scene.control.ToolBar)) {
                return !(control instanceof javafx.scene.control.SplitPane)
                        && !(control instanceof TabPane)
                        && !(control instanceof javafx.scene.control.ScrollPane)
                        && !(control instanceof javafx.scene.control.TitledPane);
            }
        }
        return false;
    }

    private static boolean hasGuidance(Node placeholder) {
        if (placeholder instanceof Labeled label) {
            return label.getText() != null && label.getText().strip().length() > 10;
        }
        return placeholder != null;
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + " "
                + node.getStyleClass();
    }
}
