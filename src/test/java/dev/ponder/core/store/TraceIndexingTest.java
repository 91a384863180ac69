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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is committed without its search index and indexed afterwards (the second phase of an import): the index built
 * then must be the index built in one statement, appear whole or not at all, and leave nothing behind.
 */
class TraceIndexingTest {
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
    void anIndexBuiltAfterTheCommitFindsWhatAnIndexBuiltInOneStatementFinds() throws Exception {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long after = write(workspace, "after", 3000);
            long inOne = write(workspace, "in one statement", 3000);
            TraceIndexing indexing = new TraceIndexing(workspace);
            assertThat(indexing.unindexedRuns()).containsExactly(after, inOne);
            List<long[]> told = new ArrayList<>();
            assertThat(indexing.index(after, (traces, of) -> told.add(new long[] {traces, of})))
                    .isTrue();
            workspace.writeSql(connection -> {
                TraceIndex.indexFrom(connection, inOne, 0);
                return null;
            });
            assertThat(indexing.unindexedRuns()).isEmpty();
            assertThat(told.get(0)).containsExactly(0, 3000);
            assertThat(told.get(told.size() - 1)).containsExactly(3000, 3000);
            for (String query : List.of(
                    "\"wait let me\"",
                    "carry NOT answer",
                    "double*",
                    "\"so the\"",
                    "NEAR(hmm compute, 3)",
                    "alternatively")) {
                List<SearchHit> built =
                        workspace.readSql(connection -> new TraceSearch(connection).query(after, query, 10_000));
                List<SearchHit> oneStatement =
                        workspace.readSql(connection -> new TraceSearch(connection).query(inOne, query, 10_000));
                assertThat(built).as(query).isNotEmpty();
                assertThat(built.stream().map(SearchHit::snippet).toList())
                        .as(query)
                        .isEqualTo(oneStatement.stream().map(SearchHit::snippet).toList());
            }
            workspace.writeSql(connection -> {
                TraceIndex.check(connection);
                return null;
            });
            assertThat(indexing.index(after, (traces, of) -> {}))
                    .as("indexed already")
                    .isFalse();
        }
        assertThat(scratchFiles(dir)).isEmpty();
    }

    @Test
    void untilItsIndexIsBuiltARunIsNotSearchedAndNothingFails() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = write(workspace, "new", 50);
            List<SearchHit> hits = workspace.readSql(connection -> new TraceSearch(connection).query("wait", 1000));
            assertThat(hits).isEmpty();
            new TraceIndexing(workspace).index(runId, (traces, of) -> {});
            hits = workspace.readSql(connection -> new TraceSearch(connection).query("wait", 1000));
            assertThat(hits).isNotEmpty();
        }
    }

    @Test
    void tracesAddedToAnIndexedRunAreIndexedWithTheirWrite() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = write(workspace, "indexed", 50);
            new TraceIndexing(workspace).index(runId, (traces, of) -> {});
            int hits = workspace.readSql(connection ->
                    new TraceSearch(connection).query(runId, "wait", 1000).size());
            assertThat(hits).isPositive();
            int more = workspace.writeSql(connection -> {
                try (RunWriter writer = new RunWriter(connection)) {
                    addTrace(writer, runId, 99, "wait, one more trace");
                    writer.finish();
                }
                TraceIndex.check(connection);
                return new TraceSearch(connection).query(runId, "wait", 1000).size();
            });
            assertThat(more).isEqualTo(hits + 1);
        }
    }

    @Test
    void aCancelledBuildKeepsNothingAndTheNextBuildIndexesTheRun() throws Exception {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = write(workspace, "cancelled", 5000);
            TraceIndexing indexing = new TraceIndexing(workspace);
            assertThatThrownBy(() -> indexing.index(runId, (traces, of) -> {
                        if (traces > 0) {
                            throw new IllegalStateException("cancelled");
                        }
                    }))
                    .hasMessage("cancelled");
            assertThat(indexing.unindexedRuns()).containsExactly(runId);
            assertThat(scratchFiles(dir)).isEmpty();
            assertThat(indexing.index(runId, (traces, of) -> {})).isTrue();
            assertThat(indexing.unindexedRuns()).isEmpty();
        }
    }

    @Test
    void aRunThatGainsATraceWhileItIsIndexedIsReadAgainAndIndexedWhole() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = write(workspace, "growing", 3000);
            boolean[] added = {false};
            new TraceIndexing(workspace).index(runId, (traces, of) -> {
                if (traces > 0 && !added[0]) {
                    added[0] = true;
                    workspace.writeSql(connection -> {
                        try (RunWriter writer = new RunWriter(connection)) {
                            addTrace(writer, runId, 9999, "zanzibar arrived while the index was built");
                            writer.finish();
                        }
                        return null;
                    });
                }
            });
            List<SearchHit> hits =
                    workspace.readSql(connection -> new TraceSearch(connection).query(runId, "zanzibar", 10));
            assertThat(hits).hasSize(1);
        }
    }

    @Test
    void aRunDeletedWhileItIsIndexedGetsNoIndex() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = write(workspace, "deleted", 3000);
            boolean built = new TraceIndexing(workspace).index(runId, (traces, of) -> {
                if (traces > 0) {
                    workspace.writeSql(connection -> new RunRepository(connection).delete(runId));
                }
            });
            assertThat(built).isFalse();
            assertThat(workspace.readSql(TraceIndex::indexedRuns)).isEmpty();
        }
    }

    @Test
    void aFailedWriteLeavesNoRun() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            assertThatThrownBy(() -> workspace.writeSql(connection -> {
                        try (RunWriter writer = new RunWriter(connection)) {
                            fill(writer, "doomed", 500);
                            throw new IllegalStateException("the import broke off");
                        }
                    }))
                    .hasMessageContaining("the import broke off");
            assertThat(workspace.runSummaries()).isEmpty();
            assertThat(new TraceIndexing(workspace).unindexedRuns()).isEmpty();
        }
    }

    @Test
    void deletingARunDropsItsIndex() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long kept = write(workspace, "kept", 20);
            long doomed = write(workspace, "doomed", 20);
            TraceIndexing indexing = new TraceIndexing(workspace);
            indexing.index(kept, (traces, of) -> {});
            indexing.index(doomed, (traces, of) -> {});
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

    private static long write(Workspace workspace, String name, int samples) {
        return workspace.writeSql(connection -> {
            try (RunWriter writer = new RunWriter(connection)) {
                long runId = fill(writer, name, samples);
                writer.finish();
                return runId;
            }
        });
    }

    private static void addTrace(RunWriter writer, long runId, int index, String text) throws java.sql.SQLException {
        addTrace(writer, runId, "p0", index, text);
    }

    private static void addTrace(RunWriter writer, long runId, String problem, int index, String text)
            throws java.sql.SQLException {
        long problemId = writer.problemId(new Problem(0, problem, null, null, null, null));
        writer.addSample(
                new Sample(
                        writer.reserveSampleId(),
                        runId,
                        problemId,
                        index,
                        0,
                        text,
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

    /** A run of deterministic traces, the same for every name, over ten problems. */
    private static long fill(RunWriter writer, String name, int samples) throws java.sql.SQLException {
        long runId = writer.insertRun(Fixtures.run(name));
        Random random = new Random(7);
        for (int i = 0; i < samples; i++) {
            StringBuilder text = new StringBuilder();
            int words = 20 + random.nextInt(400);
            for (int w = 0; w < words; w++) {
                text.append(
                                random.nextInt(5) == 0
                                        ? String.valueOf(random.nextInt(1000))
                                        : WORDS[random.nextInt(WORDS.length)])
                        .append(w % 17 == 16 ? ".\n" : " ");
            }
            addTrace(writer, runId, "p" + i % 10, i / 10, text.toString());
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
