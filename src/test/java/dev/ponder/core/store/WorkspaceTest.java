package dev.ponder.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.SearchHit;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.TreeNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEveryKindOfRowThroughAReopen() {
        Path file = dir.resolve("w.ponder");
        long runId;
        long sampleId;
        try (Workspace workspace = Workspace.create(file)) {
            long[] ids = workspace.writeSql(connection -> {
                try (RunWriter writer = new RunWriter(connection)) {
                    long run = writer.insertRun(Fixtures.run("best-of-2"));
                    long problem = writer.problemId(
                            new Problem(0, "math/1", "math500", "What is 47 + 38?", "85", "{\"level\":1}"));
                    long sample = Fixtures.writeSample(writer, run, problem, 0, true);
                    long root = writer.reserveTreeNodeId();
                    long child = writer.reserveTreeNodeId();
                    writer.addTreeNode(new TreeNode(
                            child,
                            run,
                            problem,
                            root,
                            "0.1",
                            2,
                            "7 + 8 = 15",
                            0.5,
                            3,
                            0.25,
                            1.0,
                            true,
                            false,
                            "85",
                            true,
                            null));
                    writer.addTreeNode(new TreeNode(
                            root,
                            run,
                            problem,
                            null,
                            "0",
                            1,
                            "Start",
                            null,
                            4,
                            null,
                            null,
                            false,
                            false,
                            null,
                            null,
                            "{\"q\":1}"));
                    writer.finish();
                    return new long[] {run, sample};
                }
            });
            runId = ids[0];
            sampleId = ids[1];
        }

        try (Workspace workspace = Workspace.open(file)) {
            Run run = workspace
                    .readSql(connection -> new RunRepository(connection).find(runId))
                    .orElseThrow();
            assertThat(run).isEqualTo(Fixtures.run("best-of-2").withId(runId));

            Problem problem = workspace
                    .readSql(connection -> new ProblemRepository(connection).findByKey("math/1"))
                    .orElseThrow();
            assertThat(problem.question()).isEqualTo("What is 47 + 38?");
            assertThat(problem.goldAnswer()).isEqualTo("85");
            assertThat(problem.metadataJson()).isEqualTo("{\"level\":1}");

            Sample sample = workspace
                    .readSql(connection -> new SampleRepository(connection).find(sampleId))
                    .orElseThrow();
            assertThat(sample).isEqualTo(Fixtures.sample(0, true).stored(sampleId, runId, problem.id(), null));
            assertThat(sample.thinkingText()).isEqualTo("7 + 8 = 15, carry 1.\n\nWait, let me double-check the carry.");
            List<Step> steps = workspace.readSql(connection -> new SampleRepository(connection).steps(sampleId));
            assertThat(steps).containsExactly(new Step(0, 8, 29, 0.9), new Step(1, 31, 66, 0.6));
            List<Segment> segments =
                    workspace.readSql(connection -> new SampleRepository(connection).segments(sampleId));
            assertThat(segments).containsExactly(new Segment(0, SegmentKind.INJECTED_WAIT, 31, 35, "extension 1"));

            List<TreeNode> nodes =
                    workspace.readSql(connection -> new TreeNodeRepository(connection).ofProblem(runId, problem.id()));
            assertThat(nodes).extracting(TreeNode::nodeKey).containsExactly("0", "0.1");
            assertThat(nodes.get(1).parentId()).isEqualTo(nodes.get(0).id());
            assertThat(nodes.get(1).terminal()).isTrue();
            assertThat(nodes.get(0).value()).isNull();
            assertThat(workspace.schemaVersion()).isEqualTo(Schema.CURRENT);
        }
    }

    @Test
    void summarisesRunsWithCountsAndAccuracy() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            Fixtures.writeRun(workspace, "a", 3, 4);
            Fixtures.writeRun(workspace, "b", 2, 1);
            workspace.writeSql(connection -> new RunWriter(connection).insertRun(Fixtures.run("empty")));

            List<RunSummary> summaries = workspace.runSummaries();
            assertThat(summaries).extracting(summary -> summary.run().name()).containsExactly("a", "b", "empty");
            assertThat(summaries.get(0))
                    .extracting(
                            RunSummary::problems, RunSummary::samples, RunSummary::gradedSamples, RunSummary::accuracy)
                    .containsExactly(3, 12, 12, 0.5);
            assertThat(summaries.get(1).accuracy()).isEqualTo(1.0);
            assertThat(summaries.get(2).samples()).isZero();
            assertThat(summaries.get(2).accuracy()).isNull();
        }
    }

    @Test
    void editedAttributesAreStored() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = Fixtures.writeRun(workspace, "a", 1, 1);
            Run before = workspace
                    .readSql(connection -> new RunRepository(connection).find(runId))
                    .orElseThrow();
            Run edited = new Run(
                    runId,
                    "renamed",
                    before.source(),
                    before.importedAt(),
                    null,
                    "beam",
                    Map.of("group", "sweep"),
                    null,
                    before.grader(),
                    "checked");
            boolean updated = workspace.writeSql(connection -> new RunRepository(connection).updateAttributes(edited));
            Run after = workspace
                    .readSql(connection -> new RunRepository(connection).find(runId))
                    .orElseThrow();
            assertThat(updated).isTrue();
            assertThat(after).isEqualTo(edited);
        }
    }

    @Test
    void problemsAreSharedAcrossRunsAndKeepWhatTheyKnow() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            Fixtures.writeRun(workspace, "a", 2, 1);
            workspace.writeSql(connection -> {
                try (RunWriter writer = new RunWriter(connection)) {
                    long run = writer.insertRun(Fixtures.run("c"));
                    long problem =
                            writer.problemId(new Problem(0, "arith/0", null, "another wording", "other gold", "{}"));
                    Fixtures.writeSample(writer, run, problem, 0, true);
                    writer.finish();
                    return null;
                }
            });
            Problem problem = workspace
                    .readSql(connection -> new ProblemRepository(connection).findByKey("arith/0"))
                    .orElseThrow();
            assertThat(problem.question()).isEqualTo("What is 0 + 1?");
            assertThat(problem.goldAnswer()).isEqualTo("1");
            assertThat(problem.metadataJson()).isEqualTo("{}");
            assertThat(count(workspace, "problem")).isEqualTo(2);
        }
    }

    @Test
    void fullTextSearchFindsPhrasesAcrossTraces() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = Fixtures.writeRun(workspace, "a", 2, 3);
            List<SearchHit> hits = hits(workspace, "double-check the carry");
            assertThat(hits).hasSize(6).allSatisfy(hit -> {
                assertThat(hit.runId()).isEqualTo(runId);
                assertThat(hit.snippet()).contains("let me [double-check the carry]");
            });
            assertThat(hits(workspace, "carry the double")).isEmpty();
            assertThat(hits(workspace, "quote \" inside")).isEmpty();
        }
    }

    @Test
    void deletingARunRemovesItsRowsItsIndexEntriesAndOrphanedProblems() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long doomed = Fixtures.writeRun(workspace, "doomed", 3, 2);
            long kept = Fixtures.writeRun(workspace, "kept", 1, 2);
            long keptSample = workspace
                    .readSql(connection -> new SampleRepository(connection)
                            .ofProblem(
                                    kept,
                                    new ProblemRepository(connection)
                                            .findByKey("arith/0")
                                            .orElseThrow()
                                            .id()))
                    .get(0)
                    .id();
            workspace.writeSql(connection -> {
                new TagRepository(connection).tagSample(keptSample, "overthinking");
                return new RunRepository(connection).delete(doomed);
            });

            assertThat(workspace.runSummaries())
                    .extracting(summary -> summary.run().name())
                    .containsExactly("kept");
            assertThat(count(workspace, "sample")).isEqualTo(2);
            assertThat(count(workspace, "step")).isEqualTo(4);
            assertThat(count(workspace, "segment")).isEqualTo(2);
            assertThat(count(workspace, "problem")).isEqualTo(1);
            assertThat(hits(workspace, "carry")).hasSize(2);
            assertThat(tags(workspace, keptSample)).containsExactly("overthinking");
            assertThat(integrity(workspace)).isEqualTo("ok");
        }
    }

    @Test
    void tagsAreIdempotentAndRemovable() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = Fixtures.writeRun(workspace, "a", 1, 1);
            long sampleId = workspace
                    .readSql(connection -> new SampleRepository(connection)
                            .ofProblem(
                                    runId,
                                    new ProblemRepository(connection)
                                            .findByKey("arith/0")
                                            .orElseThrow()
                                            .id()))
                    .get(0)
                    .id();
            workspace.writeSql(connection -> {
                TagRepository tags = new TagRepository(connection);
                tags.tagSample(sampleId, "lucky guess");
                tags.tagSample(sampleId, " lucky guess ");
                tags.tagSample(sampleId, "grader error");
                tags.untagSample(sampleId, "grader error");
                return null;
            });
            assertThat(tags(workspace, sampleId)).containsExactly("lucky guess");
        }
    }

    @Test
    void aFailedWriteRollsBackEverythingItDid() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            Fixtures.writeRun(workspace, "before", 1, 1);
            assertThatThrownBy(() -> workspace.writeSql(connection -> {
                        try (RunWriter writer = new RunWriter(connection)) {
                            long run = writer.insertRun(Fixtures.run("half"));
                            long problem = writer.problemId(new Problem(0, "new/problem", null, null, null, null));
                            for (int i = 0; i < 3000; i++) {
                                Fixtures.writeSample(writer, run, problem, i, true);
                            }
                            writer.flush();
                            throw new IllegalStateException("the file broke half way");
                        }
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("the file broke half way");

            assertThat(workspace.runSummaries())
                    .extracting(summary -> summary.run().name())
                    .containsExactly("before");
            assertThat(count(workspace, "sample")).isEqualTo(1);
            assertThat(count(workspace, "problem")).isEqualTo(1);
            assertThat(hits(workspace, "carry")).hasSize(1);
            Fixtures.writeRun(workspace, "after", 1, 1);
            assertThat(workspace.runSummaries()).hasSize(2);
        }
    }

    @Test
    void aWriteInsideAWriteJoinsTheOuterTransaction() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            assertThatThrownBy(() -> workspace.writeSql(connection -> {
                        Fixtures.writeRun(workspace, "inner", 1, 1);
                        throw new IllegalStateException("outer fails after the inner write");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(workspace.runSummaries()).isEmpty();
        }
    }

    @Test
    void readersSeeOnlyCommittedState() throws Exception {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            workspace.writeSql(connection -> {
                new RunWriter(connection).insertRun(Fixtures.run("uncommitted"));
                assertThat(workspace.runSummaries()).isEmpty();
                return null;
            });
            assertThat(workspace.runSummaries()).hasSize(1);
        }
    }

    @Test
    void createsTheParentFolderAndRefusesToOverwrite() throws Exception {
        Path file = dir.resolve("nested/deeper/w.ponder");
        Workspace.create(file).close();
        assertThat(file).exists();
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> Workspace.create(file))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("a file is already there")
                .extracting(e -> ((WorkspaceException) e).reason())
                .isEqualTo(WorkspaceException.Reason.ALREADY_EXISTS);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void usesWriteAheadLoggingAndMarksTheFile() throws Exception {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            assertThat(pragma(workspace, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(workspace, "application_id")).isEqualTo(String.valueOf(WorkspaceFile.APPLICATION_ID));
            assertThat(pragma(workspace, "user_version")).isEqualTo(String.valueOf(Schema.CURRENT));
        }
    }

    @Test
    void aClosedWorkspaceSaysSo() {
        Workspace workspace = Workspace.create(dir.resolve("w.ponder"));
        workspace.close();
        workspace.close();
        assertThatThrownBy(workspace::runSummaries)
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> workspace.writeSql(connection -> null)).hasMessageContaining("is closed");
    }

    /** The samples that contain the phrase, once every run is indexed, as a search in the window finds them. */
    static List<SearchHit> hits(Workspace workspace, String phrase) {
        TraceIndexing indexing = new TraceIndexing(workspace);
        if (!workspace.readOnly()) {
            indexing.unindexedRuns().forEach(runId -> indexing.index(runId, (traces, of) -> {}));
        }
        return workspace.readSql(connection -> new TraceSearch(connection).phrase(phrase, 100));
    }

    static List<String> tags(Workspace workspace, long sampleId) {
        return workspace.readSql(connection -> new TagRepository(connection).tagsOfSample(sampleId));
    }

    static long count(Workspace workspace, String table) {
        return workspace.readSql(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    static String integrity(Workspace workspace) {
        return pragma(workspace, "integrity_check");
    }

    static String pragma(Workspace workspace, String name) {
        return workspace.readSql(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
                rows.next();
                return rows.getString(1);
            }
        });
    }
}
