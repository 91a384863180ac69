package dev.ponder.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.tree.TreeCanvas;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.tree.TreeScene;
import dev.ponder.core.tree.TreeSource;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the Tree tab headless: a Tree-of-Thought search opens on its first problem, a click on a node shows its
 * step and path in the node inspector; a sample run's prefix tree opens a leaf's sample in the workbench.
 */
class TreeViewTest {
    private static final Path FIXTURES = Path.of("src/test/resources/dev/ponder");
    private static final Path SEARCH =
            FIXTURES.resolve("core/ingest/fixtures/tot_bfs_game24.json").toAbsolutePath();
    private static final Path SAMPLES =
            FIXTURES.resolve("app/workbench-run.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Application app;
    private TableView<RunSummary> runs;

    @BeforeEach
    void start() throws Exception {
        Path home = TestHomes.welcomed(dir.resolve("home"));
        try (Workspace workspace = Workspace.create(new PonderHome(home).defaultWorkspace())) {
            new Importer(workspace).importFile(SEARCH, ImportOptions.DEFAULT, TaskContext.NONE);
            new Importer(workspace).importFile(SAMPLES, ImportOptions.DEFAULT, TaskContext.NONE);
        }
        app = PonderWindow.open(home, new ScriptedDialogs());
        runs = robot.lookup("#run-table").queryTableView();
        waitUntil(() -> runs.getItems().size() == 2);
    }

    @AfterEach
    void stop() throws Exception {
        PonderWindow.close(app);
    }

    @Test
    void clickingANodeShowsItsStepAndThePathToItInTheInspector() throws Exception {
        showRun("tot_bfs_game24");
        TreeCanvas canvas = robot.lookup("#tree-canvas").queryAs(TreeCanvas.class);
        waitUntil(() -> canvas.isVisible()
                && scene(canvas) != null
                && scene(canvas).tree().size() == 10);
        TreeScene scene = scene(canvas);
        int node = nodeWithKey(scene, "s2.0");

        robot.clickOn(onScreen(canvas, node));

        TextArea step = robot.lookup("#tree-step-text").queryAs(TextArea.class);
        TextArea path = robot.lookup("#tree-path-text").queryAs(TextArea.class);
        waitUntil(() -> step.getText().equals("1 + 2 = 3 (left: 3 12)"));
        assertThat(path.getText()).isEqualTo("1 2 3 4\n3 * 4 = 12 (left: 1 2 12)\n1 + 2 = 3 (left: 3 12)");
        assertThat(robot.lookup("#tree-node-facts").queryLabeled().getText()).contains("value 60", "2 children");
        assertThat(robot.lookup("#tree-status").queryLabeled().getText())
                .contains("10 nodes", "depth 3", "3 iterations");
        // Tree-of-Thought values span decades: coloured on a log scale, said in the legend
        assertThat(scene.logScale()).isTrue();

        javafx.scene.control.Button play = robot.lookup("#tree-play").queryButton();
        assertThat(play.getGraphic())
                .as("play and pause are drawn, not characters a font may lack")
                .isInstanceOf(javafx.scene.shape.SVGPath.class);
        robot.clickOn(play);
        waitUntil(() -> "Pause".equals(play.getAccessibleText()));
        assertThat(play.getGraphic()).isInstanceOf(javafx.scene.shape.SVGPath.class);
        robot.clickOn(play);
        waitUntil(() -> "Play".equals(play.getAccessibleText()));
    }

    @Test
    void aPrefixTreeLeafOpensItsSampleInTheWorkbench() throws Exception {
        showRun("workbench fixture");
        TreeCanvas canvas = robot.lookup("#tree-canvas").queryAs(TreeCanvas.class);
        ComboBox<TreeSource> source = robot.lookup("#tree-source").queryComboBox();
        waitUntil(() -> source.getValue() == TreeSource.SAMPLES && scene(canvas) != null);
        TreeScene scene = scene(canvas);
        int leaf = -1;
        for (int node : scene.shown()) {
            if (scene.tree().node(node).sampleId() != 0
                    && "360".equals(scene.tree().node(node).answer())) {
                leaf = node;
            }
        }
        assertThat(leaf).as("the sample answering 360 ends on a leaf").isPositive();

        robot.clickOn(onScreen(canvas, leaf));
        Button open = robot.lookup("#tree-open-sample").queryButton();
        waitUntil(() -> !open.isDisabled());
        robot.clickOn(open);

        CodeArea trace = robot.lookup("#trace-area").queryAs(CodeArea.class);
        waitUntil(() -> trace.getText().contains("12 times 30 is 360"));
    }

    private void showRun(String name) throws TimeoutException {
        robot.interact(() -> runs.getSelectionModel()
                .select(runs.getItems().stream()
                        .filter(summary -> summary.run().name().equals(name))
                        .findFirst()
                        .orElseThrow()));
        TabPane tabs = robot.lookup(".workbench").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
    }

    private static TreeScene scene(TreeCanvas canvas) {
        return canvas.scene();
    }

    private static int nodeWithKey(TreeScene scene, String key) {
        for (int node = 0; node < scene.tree().size(); node++) {
            if (key.equals(scene.tree().node(node).key())) {
                return node;
            }
        }
        throw new AssertionError("no node " + key);
    }

    private static Point2D onScreen(TreeCanvas canvas, int node) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
                    double[] at = canvas.screenPosition(node);
                    return canvas.localToScreen(at[0], at[1]);
                })
                .get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try {
                return WaitForAsyncUtils.asyncFx(condition).get();
            } catch (Exception e) {
                return false;
            }
        });
    }
}
