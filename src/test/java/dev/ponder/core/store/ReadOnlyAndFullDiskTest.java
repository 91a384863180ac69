package dev.ponder.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.analysis.RunData;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace Ponder may not write opens read-only: every read and every figure works (computed, not cached), every
 * write says why it cannot. A disk that fills up mid-import rolls the import back and says so in a sentence.
 */
class ReadOnlyAndFullDiskTest {
    private static final Path SAMPLE =
            Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aReadOnlyWorkspaceReadsAndComputesFiguresAndRefusesWritesWithASentence() throws Exception {
        Path file = dir.resolve("w.ponder");
        try (Workspace w = Workspace.create(file)) {
            new Importer(w).importFile(SAMPLE, ImportOptions.DEFAULT, TaskContext.NONE);
        }
        try (Workspace readOnly = WorkspaceOpening.openReadOnly(file, Schema.standard())) {
            assertThat(readOnly.readOnly()).isTrue();
            long runId = readOnly.runSummaries().get(0).run().id();
            assertThat(RunData.columns(readOnly, runId, null).samples()).isEqualTo(24);
            assertThatThrownBy(() -> readOnly.write(tables -> tables.runs().delete(runId)))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessage("w.ponder is open read-only (a read-only disk or file): reading works, changing it "
                            + "does not. Copy it somewhere writable to change it.");
        }
        assertThat(Files.exists(dir.resolve("w.ponder-wal")))
                .as("nothing beside it written")
                .isFalse();
    }

    @Test
    void aDiskThatFillsUpMidImportRollsTheImportBackAndSaysSo() throws Exception {
        StringBuilder big = new StringBuilder("{\"format\":\"ponder-run\",\"version\":1,\"run\":{\"name\":\"big\"}}\n");
        big.append("{\"type\":\"problem\",\"key\":\"p\",\"question\":\"q\",\"gold\":\"1\"}\n");
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < 4000; c++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            big.append("{\"type\":\"sample\",\"problem\":\"p\",\"index\":")
                    .append(i)
                    .append(",\"text\":\"")
                    .append(text)
                    .append(" \\\\boxed{1}\"}\n");
        }
        Path file = Files.writeString(dir.resolve("big.jsonl"), big);
        try (Workspace w = Workspace.create(dir.resolve("small.ponder"))) {
            w.limitPages(60); // under 1 MB at 16 KB a page: the import needs more
            assertThatThrownBy(() -> new Importer(w).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessage("There is no space left on the disk holding small.ponder: the change was rolled back "
                            + "and nothing of it was written. Free some space and try again.");
            assertThat(w.runSummaries()).as("rolled back whole").isEmpty();
        }
    }
}
