package dev.ponder.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.settings.Preferences;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.settings.Theme;
import dev.ponder.core.settings.UserSettings;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.TabPane;
import javax.imageio.ImageIO;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The dark theme on screen, the paper style on paper: a chart drawn dark in the window exports white. */
class DarkThemeTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        Path home = dir.resolve("home");
        new SettingsStore(home.resolve("settings.json"))
                .save(UserSettings.DEFAULTS
                        .withWelcomeSeen()
                        .withPreferences(Preferences.DEFAULTS.withTheme(Theme.DARK)));
        app = PonderWindow.openWithRuns(home, dialogs, robot);
    }

    @AfterEach
    void stop() throws Exception {
        PonderWindow.close(app);
    }

    @Test
    void theChartIsDarkOnScreenAndWhiteInTheExport() throws Exception {
        assertThat(FxToolkit.toolkitContext()
                        .getRegisteredStage()
                        .getScene()
                        .getRoot()
                        .getStyleClass())
                .contains("theme-dark");
        TabPane tabs = robot.lookup(".workbench").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        ChartViewer viewer = robot.lookup("#chart-viewer").queryAs(ChartViewer.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> viewer.isVisible() && viewer.getChart() != null);
        assertThat(viewer.getChart().getBackgroundPaint()).isEqualTo(new java.awt.Color(0x1F2227));

        Path figure = dir.resolve("scaling.png");
        dialogs.exportTo = figure;
        // Below the fold of the controls' scroll pane: fired as a click on it would.
        robot.interact(() -> robot.lookup("#chart-export").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(dir.resolve("scaling.provenance.json")));
        BufferedImage image = ImageIO.read(figure.toFile());
        assertThat(image.getRGB(2, 2) & 0xFFFFFF)
                .as("the paper's white background")
                .isEqualTo(0xFFFFFF);
    }
}
