package dev.ponder.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.TaskContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file a running evaluation is still writing: imported as it stands, again as complete lines come, a half-written
 * line waiting for its end, one run in the end holding every record.
 */
class FollowedFileTest {
    @TempDir
    Path dir;

    private static String line(int problem) {
        return "{\"doc_id\": " + problem + ", \"doc\": {\"question\": \"What is " + problem + " + 1?\"}, \"target\": \""
                + (problem + 1) + "\", \"resps\": [[\"\\\\boxed{" + (problem + 1) + "}\"]], \"filtered_resps\": [\""
                + (problem + 1) + "\"]}\n";
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void aGrowingFileIsImportedAgainAsCompleteLinesComeAndAHalfWrittenLineWaits() throws Exception {
        Path file = Files.writeString(dir.resolve("samples_arith_2026-12-02T05-00-00.jsonl"), line(1) + line(2));
        List<ImportResult> refreshes = new CopyOnWriteArrayList<>();
        try (WorkspaceServices services =
                WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir.resolve("home")))) {
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(600);
                    String third = line(3);
                    append(file, third.substring(0, 20)); // an evaluation in the middle of writing a record
                    Thread.sleep(600);
                    append(file, third.substring(20) + line(4));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            ImportResult last = services.imports()
                    .follow(file, ImportOptions.DEFAULT, Duration.ofMillis(1500), refreshes::add, TaskContext.NONE);
            writer.join();

            assertThat(refreshes)
                    .extracting(ImportResult::samples)
                    .startsWith(2L)
                    .endsWith(4L);
            assertThat(refreshes)
                    .as("the half-written line is never read as a bad record")
                    .allSatisfy(r -> assertThat(r.skippedCount()).isZero());
            assertThat(last.samples()).isEqualTo(4);
            assertThat(services.runs().summaries())
                    .as("each refresh replaced the run before it")
                    .singleElement()
                    .satisfies(run -> assertThat(run.run().id()).isEqualTo(last.runId()));
        }
    }

    @Test
    void aGrowingSweepKeepsOneRunPerBudgetAndNoLeftovers() throws Exception {
        Path file = Files.writeString(
                dir.resolve("forcing.jsonl"),
                "{\"question\": \"What is 1 + 1?\", \"budget\": 64, \"response\": \"\\\\boxed{2}\"}\n"
                        + "{\"question\": \"What is 1 + 1?\", \"budget\": 128, \"response\": \"\\\\boxed{2}\"}\n");
        var mapping = new dev.ponder.core.ingest.mapping.FieldMapping(
                dev.ponder.core.ingest.mapping.FieldMapping.Layout.SAMPLES,
                null,
                java.util.Map.of(
                        dev.ponder.core.ingest.mapping.FieldMapping.Field.QUESTION,
                        dev.ponder.core.ingest.mapping.JsonPath.parse("question"),
                        dev.ponder.core.ingest.mapping.FieldMapping.Field.TRACE,
                        dev.ponder.core.ingest.mapping.JsonPath.parse("response"),
                        dev.ponder.core.ingest.mapping.FieldMapping.Field.BUDGET,
                        dev.ponder.core.ingest.mapping.JsonPath.parse("budget")));
        try (WorkspaceServices services =
                WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir.resolve("home")))) {
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(500);
                    append(
                            file,
                            "{\"question\": \"What is 1 + 1?\", \"budget\": 256, \"response\": \"\\\\boxed{2}\"}\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            ImportResult last = services.imports()
                    .follow(
                            file,
                            ImportOptions.DEFAULT.withMapping(mapping),
                            Duration.ofMillis(1200),
                            r -> {},
                            TaskContext.NONE);
            writer.join();
            assertThat(last.runIds()).hasSize(3);
            assertThat(services.runs().summaries())
                    .extracting(run -> run.run().params().get("budget"))
                    .containsExactlyInAnyOrder("64", "128", "256");
        }
    }

    @Test
    void theLastCompleteLineIsFoundFromTheEnd() throws Exception {
        Path file = Files.writeString(dir.resolve("f.jsonl"), "{\"a\": 1}\n{\"b\"");
        assertThat(FollowedFile.completeLines(file, Files.size(file))).isEqualTo(9);
        Path none = Files.writeString(dir.resolve("g.jsonl"), "{\"a\"");
        assertThat(FollowedFile.completeLines(none, Files.size(none))).isZero();
    }
}
