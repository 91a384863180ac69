package dev.ponder.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run of quick changes (a spinner held down) writes the settings file once, after the last, with the last. */
class AppSettingsTest {
    @TempDir
    Path dir;

    @Test
    void quickChangesAreSavedOnceAfterTheLast() throws Exception {
        Path file = dir.resolve("settings.json");
        AppSettings settings = new AppSettings(new SettingsStore(file));
        for (int bins = 2; bins <= 60; bins++) {
            int chosen = bins;
            settings.updateSoon(current ->
                    current.withChart(ChartSpec.of(ChartKind.LENGTH, List.of()).withBins(chosen)));
        }
        assertThat(settings.get().chart(ChartKind.LENGTH).orElseThrow().bins())
                .as("in memory at once")
                .isEqualTo(60);
        assertThat(file).as("nothing written while the changes keep coming").doesNotExist();

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(new SettingsStore(file)
                        .load()
                        .chart(ChartKind.LENGTH)
                        .orElseThrow()
                        .bins())
                .isEqualTo(60);
    }

    @Test
    void aChangeStillWaitingIsSavedWhenPonderExits() {
        Path file = dir.resolve("settings.json");
        AppSettings settings = new AppSettings(new SettingsStore(file));
        settings.updateSoon(current ->
                current.withChart(ChartSpec.of(ChartKind.TOKENS, List.of()).withBins(7)));
        settings.flush();
        assertThat(new SettingsStore(file)
                        .load()
                        .chart(ChartKind.TOKENS)
                        .orElseThrow()
                        .bins())
                .isEqualTo(7);
    }

    @Test
    void aSavedChangeIsNeverOverwrittenByAnEarlierOneWaiting() throws Exception {
        Path file = dir.resolve("settings.json");
        AppSettings settings = new AppSettings(new SettingsStore(file));
        settings.updateSoon(current ->
                current.withChart(ChartSpec.of(ChartKind.TOKENS, List.of()).withBins(7)));
        settings.update(current ->
                current.withChart(ChartSpec.of(ChartKind.TOKENS, List.of()).withBins(9)));
        Thread.sleep(AppSettings.QUIET_MILLIS + 300);
        assertThat(new SettingsStore(file)
                        .load()
                        .chart(ChartKind.TOKENS)
                        .orElseThrow()
                        .bins())
                .isEqualTo(9);
    }
}
