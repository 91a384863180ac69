package dev.ponder.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.settings.LogFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A bug no code caught: a dialog in plain words with Details and Copy, the window still up, the log has it. */
class ErrorDialogTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Application app;

    @BeforeEach
    void start() throws Exception {
        app = PonderWindow.openWithRuns(TestHomes.welcomed(dir.resolve("home")), new ScriptedDialogs(), robot);
        stage = FxToolkit.toolkitContext().getRegisteredStage();
    }

    @AfterEach
    void stop() throws Exception {
        PonderWindow.close(app);
    }

    @Test
    void anUncaughtExceptionShowsADialogWithDetailsAndCopyAndIsLogged() throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("the trace index went missing");
        });
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxLookups.shown(robot, "#notice-message").isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Something went wrong inside Ponder");
        assertThat(robot.lookup("#notice-message").queryAs(Label.class).getText())
                .startsWith("Ponder hit an error it did not expect. Your workspace is safe")
                .as("the class and message of the exception are for the details, not the sentence")
                .doesNotContain("IllegalStateException")
                .doesNotContain("trace index");
        assertThat(stage.isShowing()).isTrue();

        robot.clickOn("Show Details");
        TextArea details = robot.lookup("#error-details").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, details::isVisible);
        assertThat(details.getText())
                .contains("Ponder 0.")
                .contains("Java " + System.getProperty("java.version"))
                .contains("java.lang.IllegalStateException: the trace index went missing")
                .contains("at dev.ponder.app.ErrorDialogTest");

        Button copy = robot.lookup("#copy-error").queryAs(Button.class);
        robot.clickOn(copy);
        assertThat(copy.getText()).isEqualTo("Copied");
        String copied = WaitForAsyncUtils.asyncFx(
                        () -> Clipboard.getSystemClipboard().getString())
                .get(5, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(details.getText());
        assertThat(FxLookups.shown(robot, "#notice-message"))
                .as("Copy leaves the dialog open")
                .isPresent();
        robot.clickOn(FxLookups.dialogButton(robot, "OK").orElseThrow());

        String log = Files.readString(LogFiles.current(dir.resolve("home/logs")));
        assertThat(log)
                .contains("SEVERE dev.ponder.app.task.UncaughtErrors: Uncaught on thread JavaFX Application Thread")
                .contains("java.lang.IllegalStateException: the trace index went missing");
    }

    @Test
    void aFailureOnAWorkerThreadIsShownToo() throws Exception {
        Thread worker = new Thread(
                () -> {
                    throw new ArithmeticException("divided by zero samples");
                },
                "a worker");
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxLookups.shown(robot, "#notice-message").isPresent());
        assertThat(robot.lookup("#notice-message").queryAs(Label.class).getText())
                .startsWith("Ponder hit an error it did not expect.")
                .doesNotContain("ArithmeticException");
        robot.clickOn("Show Details");
        TextArea details = robot.lookup("#error-details").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, details::isVisible);
        assertThat(details.getText()).contains("java.lang.ArithmeticException: divided by zero samples");
        robot.clickOn(FxLookups.dialogButton(robot, "OK").orElseThrow());
    }
}
