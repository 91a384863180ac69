package dev.ponder.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.RunSummary;
import dev.ponder.core.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A first start: the welcome over the window, its three ways in, and that it does not come back by itself. */
class FirstRunTest {
    private static final Path SAMPLE =
            Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        app = PonderWindow.open(dir.resolve("home"), dialogs);
    }

    @AfterEach
    void stop() throws Exception {
        PonderWindow.close(app);
    }

    @Test
    void theWelcomeOpensOnAFirstStartAndLeadsToTheSampleRuns() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> welcomeShown());
        assertThat(robot.lookup(".welcome-title").queryAs(Label.class).getText())
                .isEqualTo("Welcome to Ponder");
        assertThat(robot.lookup(".welcome-action-title").queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactly("Open the sample runs", "Import a file…", "Connect a model…");
        TableView<RunSummary> runs = robot.lookup("#run-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !runs.getItems().isEmpty());

        robot.clickOn("#sampleRuns");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !welcomeShown());
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#status-message")
                        .tryQuery()
                        .map(node -> ((Label) node).getText().contains("sample runs"))
                        .orElse(false));
        assertThat(runs.getItems().get(0).run().name()).isEqualTo("tiny-arith best-of-4");
        assertThat(new SettingsStore(dir.resolve("home/settings.json")).load().welcomeSeen())
                .isTrue();

        FxToolkit.cleanupApplication(app);
        app = FxToolkit.setupApplication(() -> new PonderApp(dialogs));
        TableView<RunSummary> again = robot.lookup("#run-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !again.getItems().isEmpty());
        assertThat(welcomeShown()).as("the welcome opens by itself only once").isFalse();

        robot.clickOn("Help").clickOn("Welcome");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, this::welcomeShown);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !welcomeShown());
    }

    @Test
    void importAFileOpensTheImportDialogAndConnectAModelOpensSettingsOnModels() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::welcomeShown);
        dialogs.filesToImport = List.of(SAMPLE);
        robot.clickOn("#importFile");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> FxLookups.dialogButton(robot, "Import").isPresent());
        assertThat(welcomeShown()).isFalse();
        robot.clickOn(FxLookups.dialogButton(robot, "Cancel").orElseThrow());

        robot.clickOn("Help").clickOn("Welcome");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, this::welcomeShown);
        robot.clickOn("#connectModel");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxLookups.shown(robot, "#settings-connections").isPresent());
        javafx.scene.control.TabPane pages =
                robot.lookup("#settings-pages").queryAs(javafx.scene.control.TabPane.class);
        assertThat(pages.getSelectionModel().getSelectedItem().getText()).isEqualTo("Models");
        robot.clickOn(FxLookups.dialogButton(robot, "Cancel").orElseThrow());
    }

    private boolean welcomeShown() {
        return FxLookups.shown(robot, "#welcome").isPresent();
    }
}
