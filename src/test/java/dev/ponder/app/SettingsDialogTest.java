package dev.ponder.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.settings.Preferences;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.settings.Theme;
import dev.ponder.core.settings.UserSettings;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** File › Settings…: a round trip through settings.json, the theme and font on the window, validation and Reset. */
class SettingsDialogTest {
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
    @SuppressWarnings("unchecked")
    void choicesAreSavedShownOnTheWindowAndReadBackAndResetRestoresTheDefaults() throws Exception {
        openSettings();
        assertThat(combo("#settings-theme").getValue()).isEqualTo(Theme.SYSTEM);
        robot.interact(() -> {
            ((ComboBox<Theme>) combo("#settings-theme")).setValue(Theme.DARK);
            ((Spinner<Integer>) robot.lookup("#settings-font-size").query())
                    .getValueFactory()
                    .setValue(16);
            ((ComboBox<String>) combo("#settings-grader")).setValue("exact");
            ((ComboBox<String>) combo("#settings-tokenizer")).setValue("o200k");
            robot.lookup("#markerPhrases").queryAs(TextArea.class).setText("Wait\nHold on\n\nWait");
            robot.lookup("#settings-chart-width").queryAs(TextField.class).setText("17.5cm");
            robot.lookup("#settings-chart-height").queryAs(TextField.class).setText("3in");
        });
        robot.clickOn(FxLookups.dialogButton(robot, "OK").orElseThrow());

        UserSettings saved = new SettingsStore(dir.resolve("home/settings.json")).load();
        assertThat(saved.preferences())
                .isEqualTo(
                        new Preferences(Theme.DARK, 16, "exact", "o200k", new PaperStyle(17.5, 7.62, 8, false, false)));
        assertThat(saved.reflectionMarkers()).containsExactly("Wait", "Hold on");
        Scene scene = stage.getScene();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> scene.getRoot().getStyleClass().contains("theme-dark"));
        assertThat(scene.getRoot().getStyle()).contains("-fx-font-size: 16.0px");
        assertThat(robot.lookup(".table-row-cell .table-cell")
                        .queryAs(javafx.scene.control.Labeled.class)
                        .getFont()
                        .getSize())
                .isEqualTo(16.0);

        openSettings();
        assertThat(combo("#settings-theme").getValue()).isEqualTo(Theme.DARK);
        assertThat(combo("#settings-grader").getValue()).isEqualTo("exact");
        assertThat(robot.lookup("#settings-chart-height")
                        .queryAs(TextField.class)
                        .getText())
                .isEqualTo("7.62");
        assertThat(robot.lookup("#markerPhrases").queryAs(TextArea.class).getText())
                .isEqualTo("Wait\nHold on");
        assertThat(robot.lookup(".dialog-pane").query().getScene().getRoot().getStyleClass())
                .as("dialogs take the theme too")
                .contains("theme-dark");

        robot.interact(() ->
                robot.lookup("#settings-chart-width").queryAs(TextField.class).setText("wide"));
        assertThat(robot.lookup("#settings-problem").queryAs(Label.class).getText())
                .isEqualTo("Chart style: 'wide' is not a length such as 8.5cm, 3.25in or 85mm.");
        assertThat(okButton().isDisabled()).isTrue();
        robot.interact(() -> ((ComboBox<String>) combo("#settings-tokenizer")).setValue("/no/such/tokenizer.json"));
        robot.interact(() ->
                robot.lookup("#settings-chart-width").queryAs(TextField.class).setText("8.5"));
        assertThat(robot.lookup("#settings-problem").queryAs(Label.class).getText())
                .isEqualTo(
                        "No tokenizer file at /no/such/tokenizer.json: choose cl100k, o200k or a model's tokenizer.json.");

        robot.clickOn(FxLookups.dialogButton(robot, "Reset").orElseThrow());
        assertThat(combo("#settings-theme").getValue()).isEqualTo(Theme.SYSTEM);
        assertThat(combo("#settings-tokenizer").getValue()).isEqualTo("cl100k");
        assertThat(robot.lookup("#markerPhrases").queryAs(TextArea.class).getText())
                .startsWith("Wait\nAlternatively\nHmm");
        assertThat(robot.lookup("#settings-problem").queryAs(Label.class).getText())
                .isEmpty();
        robot.clickOn(FxLookups.dialogButton(robot, "OK").orElseThrow());
        UserSettings reset = new SettingsStore(dir.resolve("home/settings.json")).load();
        assertThat(reset.preferences()).isEqualTo(Preferences.DEFAULTS);
        assertThat(reset.reflectionMarkers())
                .as("the defaults are stored as 'no list of your own'")
                .isNull();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> scene.getRoot().getStyleClass().contains("theme-light"));
    }

    @Test
    void cancelKeepsWhatWasSaved() throws Exception {
        openSettings();
        robot.interact(() ->
                robot.lookup("#settings-chart-width").queryAs(TextField.class).setText("12"));
        robot.clickOn(FxLookups.dialogButton(robot, "Cancel").orElseThrow());
        assertThat(new SettingsStore(dir.resolve("home/settings.json")).load().preferences())
                .isEqualTo(Preferences.DEFAULTS);
    }

    private void openSettings() throws Exception {
        robot.clickOn("File").clickOn("Settings…");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> FxLookups.shown(robot, "#settings-theme").isPresent());
    }

    private ComboBox<?> combo(String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private Button okButton() {
        return robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(button -> "OK".equals(button.getText()))
                .findFirst()
                .orElseThrow();
    }
}
