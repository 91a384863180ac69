package dev.ponder.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsWindowStateLastWorkspaceAndRecentFiles() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("home/settings.json"));
        UserSettings settings = UserSettings.DEFAULTS
                .withWindow(new WindowState(10, 20, 1300, 820, false))
                .withWorkspaceOpened("/a.ponder")
                .withWorkspaceOpened("/b.ponder")
                .withImported("/runs/x.jsonl");
        store.save(settings);
        assertThat(store.load()).isEqualTo(settings);
        assertThat(store.load().recentWorkspaces()).containsExactly("/b.ponder", "/a.ponder");
        assertThat(store.load().lastWorkspace()).isEqualTo("/b.ponder");
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws Exception {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        store.save(UserSettings.DEFAULTS);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                .isEqualTo("rw-------");
        assertThat(dir.resolve("settings.json.tmp")).doesNotExist();
    }

    @Test
    void anUnreadableFileGivesTheDefaults() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ not json");
        assertThat(new SettingsStore(file).load()).isEqualTo(UserSettings.DEFAULTS);
        assertThat(new SettingsStore(dir.resolve("missing.json")).load()).isEqualTo(UserSettings.DEFAULTS);
    }

    @Test
    void aFieldThatCannotBeReadCostsOnlyThatField() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(
                file,
                "{\"window\": {\"x\": 0, \"y\": 0, \"width\": 3, \"height\": 2}, \"lastWorkspace\": \"/w.ponder\", "
                        + "\"recentWorkspaces\": [\"/w.ponder\", 7, null], \"recentImports\": \"not a list\", \"fromTheFuture\": true}");
        assertThat(new SettingsStore(file).load())
                .isEqualTo(new UserSettings(
                        null,
                        "/w.ponder",
                        java.util.List.of("/w.ponder"),
                        java.util.List.of(),
                        java.util.Map.of(),
                        null,
                        java.util.Map.of(),
                        java.util.List.of(),
                        Preferences.DEFAULTS,
                        false));
        Files.writeString(file, "[1, 2]");
        assertThat(new SettingsStore(file).load()).isEqualTo(UserSettings.DEFAULTS);
        assertThatThrownBy(() -> new WindowState(0, 0, Double.NaN, 500, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recentListsMoveTheNewestToTheFrontAndStayShort() {
        UserSettings settings = UserSettings.DEFAULTS;
        for (int i = 0; i < 15; i++) {
            settings = settings.withWorkspaceOpened("/w" + i + ".ponder");
        }
        settings = settings.withWorkspaceOpened("/w9.ponder");
        assertThat(settings.recentWorkspaces())
                .hasSize(UserSettings.RECENT_LIMIT)
                .startsWith("/w9.ponder", "/w14.ponder", "/w13.ponder")
                .containsOnlyOnce("/w9.ponder");
        assertThat(settings.withoutRecentWorkspace("/w14.ponder").recentWorkspaces())
                .doesNotContain("/w14.ponder");
        assertThat(UserSettings.DEFAULTS.withImported("/f").withImported("/f").recentImports())
                .containsExactly("/f");
    }

    @Test
    void theHomeFolderComesFromThePropertyThenTheEnvironmentThenTheUsersHome() {
        assertThat(PonderHome.resolve("/from/property", Map.of("PONDER_HOME", "/from/env"), "/home/u")
                        .dir())
                .isEqualTo(Path.of("/from/property"));
        assertThat(PonderHome.resolve(null, Map.of("PONDER_HOME", "/from/env"), "/home/u")
                        .dir())
                .isEqualTo(Path.of("/from/env"));
        PonderHome home = PonderHome.resolve(" ", Map.of(), "/home/u");
        assertThat(home.dir()).isEqualTo(Path.of("/home/u/.ponder"));
        assertThat(home.defaultWorkspace()).isEqualTo(Path.of("/home/u/.ponder/default.ponder"));
        assertThat(home.settingsFile()).isEqualTo(Path.of("/home/u/.ponder/settings.json"));
    }

    @Test
    void preferencesAndTheWelcomeRoundTrip() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("settings.json"));
        UserSettings settings = UserSettings.DEFAULTS
                .withPreferences(Preferences.DEFAULTS
                        .withTheme(Theme.DARK)
                        .withFontSize(15)
                        .withDefaultGrader("exact")
                        .withTokenizer("o200k")
                        .withChartStyle(dev.ponder.core.chart.PaperStyle.DOUBLE_COLUMN.withFont(9, true)))
                .withWelcomeSeen();
        store.save(settings);
        assertThat(store.load()).isEqualTo(settings);
        assertThat(store.load().preferences().theme()).isEqualTo(Theme.DARK);
        assertThat(store.load().welcomeSeen()).isTrue();
    }

    @Test
    void aWrongPreferenceFallsBackToItsDefaultAlone() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(
                file,
                "{\"preferences\": {\"theme\": \"PURPLE\", \"fontSize\": 80, \"defaultGrader\": \"exact\", "
                        + "\"tokenizer\": \"o200k\", \"chartStyle\": {\"widthCm\": 1}}}");
        Preferences loaded = new SettingsStore(file).load().preferences();
        assertThat(loaded)
                .isEqualTo(Preferences.DEFAULTS.withDefaultGrader("exact").withTokenizer("o200k"));
    }

    @Test
    void preferencesSayWhatIsAllowed() {
        assertThatThrownBy(() -> Preferences.DEFAULTS.withFontSize(30)).hasMessageContaining("9 to 24 px");
        assertThatThrownBy(() -> Preferences.DEFAULTS.withDefaultGrader("vibes"))
                .hasMessageContaining("Unknown grader 'vibes'")
                .hasMessageContaining("ponder-math");
        assertThatThrownBy(() -> Preferences.DEFAULTS.withTokenizer(" ")).hasMessageContaining("tokenizer.json");
        assertThat(Preferences.DEFAULTS.withTokenizer(" /m/tokenizer.json ").tokenizer())
                .isEqualTo("/m/tokenizer.json");
    }
}
