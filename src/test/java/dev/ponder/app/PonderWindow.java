package dev.ponder.app;

import dev.ponder.core.model.RunSummary;
import dev.ponder.core.settings.PonderHome;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts and stops the real main window headless on a Ponder folder of the test's. */
final class PonderWindow {
    private PonderWindow() {}

    static Application open(Path home, ScriptedDialogs dialogs) throws Exception {
        System.setProperty(PonderHome.PROPERTY, home.toString());
        FxToolkit.registerPrimaryStage();
        return FxToolkit.setupApplication(() -> new PonderApp(dialogs));
    }

    /** Opens the window and waits until the run browser lists the workspace's runs. */
    static Application openWithRuns(Path home, ScriptedDialogs dialogs, FxRobot robot) throws Exception {
        Application app = open(home, dialogs);
        TableView<RunSummary> runs = robot.lookup("#run-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !runs.getItems().isEmpty());
        return app;
    }

    static void close(Application app) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty(PonderHome.PROPERTY);
    }
}
