package dev.ponder.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed in the middle of a write leaves a readable workspace with none of the unfinished rows. */
class KillDuringWriteTest {
    @TempDir
    Path dir;

    @Test
    void killingTheWriterLeavesOnlyCommittedRuns() throws Exception {
        Path file = dir.resolve("w.ponder");
        Workspace.create(file).close();

        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledWriterProcess.class.getName(),
                        file.toString()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("WRITING")) {
                seen.append(line).append('\n');
            }
            assertThat(line)
                    .as("the child reached the middle of its write; it printed:\n" + seen)
                    .isEqualTo("WRITING");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (Workspace workspace = Workspace.open(file)) {
            assertThat(WorkspaceTest.integrity(workspace)).isEqualTo("ok");
            assertThat(workspace.runSummaries()).singleElement().satisfies(run -> {
                assertThat(run.run().name()).isEqualTo("committed");
                assertThat(run.samples()).isEqualTo(20);
            });
            assertThat(WorkspaceTest.count(workspace, "sample")).isEqualTo(20);
            assertThat(WorkspaceTest.count(workspace, "step")).isEqualTo(40);
            assertThat(WorkspaceTest.count(workspace, "problem")).isEqualTo(5);
            assertThat(WorkspaceTest.hits(workspace, "carry")).hasSize(20);
            // FTS5's own consistency check between the index and the sample table; throws if they disagree.
            workspace.writeSql(connection -> {
                TraceIndex.check(connection);
                return null;
            });
            Fixtures.writeRun(workspace, "after the crash", 1, 1);
            assertThat(workspace.runSummaries()).hasSize(2);
        }
    }
}
