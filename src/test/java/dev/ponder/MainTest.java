package dev.ponder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void opensTheWindowForNothingAWorkspaceOrFilesThatExist() throws Exception {
        Path run = Files.writeString(dir.resolve("run.jsonl"), "{}\n");
        assertThat(Main.opensWindow(new String[0])).isTrue();
        assertThat(Main.opensWindow(new String[] {"study.ponder"})).isTrue();
        assertThat(Main.opensWindow(new String[] {run.toString(), dir.toString()}))
                .isTrue();
    }

    @Test
    void aFileUriFromAFileManagerIsTakenAsItsPath() {
        Path workspace = dir.resolve("my study.ponder");
        assertThat(Main.fromUri(workspace.toUri().toString())).isEqualTo(workspace.toString());
        assertThat(Main.fromUri("import")).isEqualTo("import");
        assertThat(Main.fromUri("file:/bad uri")).isEqualTo("file:/bad uri");
    }

    @Test
    void runsACommandForAnythingElse() {
        assertThat(Main.opensWindow(new String[] {"import", "run.jsonl"})).isFalse();
        assertThat(Main.opensWindow(new String[] {"--help"})).isFalse();
        assertThat(Main.opensWindow(new String[] {dir.resolve("missing.jsonl").toString()}))
                .isFalse();
    }
}
