package dev.ponder.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.model.Answer;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.SearchHit;
import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.model.TokenCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's search index built alongside its write must be the index built afterwards, and leave nothing behind. */
class TraceIndexBuilderTest {
    private static final String[] WORDS = {
        "wait",
        "let",
        "me",
        "double-check",
        "the",
        "carry",
        "so",
        "answer",
        "is",
        "hmm",
        "actually",
        "compute",
        "step",
        "therefore",
        "boxed",
        "alternatively"
    };

    @TempDir
    Path dir;

    @Test
    void anIndexBuiltAlongsideFindsWhatAnIndexBuiltAfterwardsFinds() throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long alongside = write(workspace, "alongside", scratch, 3000);
            long afterwards = write(workspace, "afterwards", null, 3000);
            for (String query : List.of(
                    "\"wait let me\"",
                    "carry NOT answer",
                    "double*",
                    "\"so the\"",
                    "NEAR(hmm compute, 3)",
                    "alternatively")) {
                List<SearchHit> built =
                        workspace.readSql(connection -> new TraceSearch(connection).query(alongside, query, 10_000));
                List<SearchHit> after =
                        workspace.readSql(connection -> new TraceSearch(connection).query(afterwards, query, 10_000));
                assertThat(built).as(query).isNotEmpty();
                assertThat(built.stream().map(SearchHit::snippet).toList())
                        .as(query)
                        .isEqualTo(after.stream().map(SearchHit::snippet).toList());
            }
            workspace.writeSql(connection -> {
                TraceIndex.check(connection);
                return null;
            });
        }
        assertThat(scratchFiles(scratch)).isEmpty();
    }

    @Test
    void theWritersOwnConnectionSeesTheCopiedIndexAtOnce() {
        Path scratch = dir;
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            int hits = workspace.writeSql(connection -> {
                try (RunWriter writer = new RunWriter(connection, scratch)) {
                    long runId = fill(writer, "same transaction", 50);
                    writer.finish();
                    return new TraceSearch(connection)
                            .query(runId, "wait", 1000)
                            .size();
                }
            });
            assertThat(hits).isPositive();

            long runId = workspace.readSql(TraceIndex::indexedRuns).get(0);
            int more = workspace.writeSql(connection -> {
                try (RunWriter writer = new RunWriter(connection)) {
                    long problemId = writer.problemId(new Problem(0, "p0", null, null, null, null));
                    long id = writer.reserveSampleId();
                    writer.addSample(
                            new Sample(
                                    id,
                                    runId,
                                    problemId,
                                    99,
                                    0,
                                    "wait, one more trace",
                                    new ThinkingSpan(0, 0),
                                    false,
                                    new Answer(null, null, null),
                                    null,
                                    new TokenCounts(null, null, false),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null),
                            List.of(),
                            List.of());
                    writer.finish();
                }
                TraceIndex.check(connection);
                return new TraceSearch(connection).query(runId, "wait", 1000).size();
            });
            assertThat(more).isEqualTo(hits + 1);
        }
    }

    @Test
    void aFailedWriteLeavesNeitherTheIndexNorItsScratchFile() throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            assertThatThrownBy(() -> workspace.writeSql(connection -> {
                        try (RunWriter writer = new RunWriter(connection, scratch)) {
                            fill(writer, "doomed", 500);
                            assertThat(scratchFiles(scratch)).hasSize(1);
                            throw new IllegalStateException("the import broke off");
                        }
                    }))
                    .hasMessageContaining("the import broke off");
            assertThat(workspace.runSummaries()).isEmpty();
            List<Long> indexed = workspace.readSql(TraceIndex::indexedRuns);
            assertThat(indexed).isEmpty();
        }
        assertThat(scratchFiles(scratch)).isEmpty();
    }

    @Test
    void deletingARunDropsItsIndex() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long kept = write(workspace, "kept", dir, 20);
            long doomed = write(workspace, "doomed", dir, 20);
            List<Long> before = workspace.readSql(TraceIndex::indexedRuns);
            assertThat(before).containsExactly(kept, doomed);
            workspace.writeSql(connection -> new RunRepository(connection).delete(doomed));
            List<Long> after = workspace.readSql(TraceIndex::indexedRuns);
            assertThat(after).containsExactly(kept);
            List<SearchHit> hits = workspace.readSql(connection -> new TraceSearch(connection).query("wait", 1000));
            assertThat(hits)
                    .isNotEmpty()
                    .allSatisfy(hit -> assertThat(hit.runId()).isEqualTo(kept));
        }
    }

    @Test
    void openingAWorkspaceRemovesScratchFilesOfKilledImportsOnly() throws Exception {
        Workspace.create(dir.resolve("w.ponder")).close();
        long living = ProcessHandle.current().pid();
        long dead =
                ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1000) + 100_000;
        Path leftover = Files.writeString(dir.resolve(".ponder-index-" + dead + "-123.tmp"), "from a killed import");
        Path active = Files.writeString(dir.resolve(".ponder-index-" + living + "-456.tmp"), "an import running now");
        Path unrelated = Files.writeString(dir.resolve("notes.tmp"), "mine");
        Workspace.open(dir.resolve("w.ponder")).close();
        assertThat(leftover).doesNotExist();
        assertThat(active).exists();
        assertThat(unrelated).exists();
    }

    private static long write(Workspace workspace, String name, Path scratch, int samples) {
        return workspace.writeSql(connection -> {
            try (RunWriter writer = new RunWriter(connection, scratch)) {
                long runId = fill(writer, name, samples);
                writer.finish();
                return runId;
            }
        });
    }

    /** A run of deterministic traces, the same for every name, over ten problems. */
    private static long fill(RunWriter writer, String name, int samples) throws java.sql.SQLException {
        long runId = writer.insertRun(Fixtures.run(name));
        Random random = new Random(7);
        for (int i = 0; i < samples; i++) {
            long problemId = writer.problemId(new Problem(0, "p" + i % 10, null, null, null, null));
            StringBuilder text = new StringBuilder();
            int words = 20 + random.nextInt(400);
            for (int w = 0; w < words; w++) {
                text.append(
                                random.nextInt(5) == 0
                                        ? String.valueOf(random.nextInt(1000))
                                        : WORDS[random.nextInt(WORDS.length)])
                        .append(w % 17 == 16 ? ".\n" : " ");
            }
            long id = writer.reserveSampleId();
            writer.addSample(
                    new Sample(
                            id,
                            runId,
                            problemId,
                            i / 10,
                            0,
                            text.toString(),
                            new ThinkingSpan(0, 0),
                            false,
                            new Answer(null, null, null),
                            null,
                            new TokenCounts(null, null, false),
                            null,
                            null,
                            null,
                            null,
                            null),
                    List.of(),
                    List.of());
        }
        return runId;
    }

    private static List<Path> scratchFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(".ponder-index-"))
                    .toList();
        }
    }
}
