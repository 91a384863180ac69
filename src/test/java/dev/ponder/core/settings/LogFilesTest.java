package dev.ponder.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesTest {
    @TempDir
    Path dir;

    @Test
    void recordsGoToTheNewestFileWithTheirStackTrace() throws Exception {
        Path logs = dir.resolve("100% sure/logs");
        Handler handler = LogFiles.install(logs);
        try {
            Logger.getLogger("dev.ponder.test")
                    .log(Level.WARNING, "the disk is full", new IllegalStateException("boom"));
            Logger.getLogger("dev.ponder.test").fine("not worth keeping");
        } finally {
            Logger.getLogger("").removeHandler(handler);
            handler.close();
        }
        String text = Files.readString(LogFiles.current(logs));
        assertThat(text)
                .containsPattern(
                        "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARNING dev.ponder.test: the disk is full")
                .contains("java.lang.IllegalStateException: boom")
                .contains("at dev.ponder.core.settings.LogFilesTest")
                .doesNotContain("not worth keeping");
    }

    @Test
    void filesRotateAtTheirLimit() throws Exception {
        Handler handler = LogFiles.install(dir);
        Logger.getLogger("").removeHandler(handler);
        Logger quiet = Logger.getLogger("dev.ponder.test.rotation");
        quiet.setUseParentHandlers(false);
        quiet.addHandler(handler);
        try {
            String line = "x".repeat(10_000);
            for (int i = 0; i < LogFiles.LIMIT_BYTES / 10_000 + 20; i++) {
                quiet.info(line);
            }
        } finally {
            quiet.removeHandler(handler);
            handler.close();
        }
        assertThat(dir.resolve("ponder-1.log")).exists();
        assertThat(Files.size(LogFiles.current(dir))).isLessThanOrEqualTo(LogFiles.LIMIT_BYTES);
    }
}
