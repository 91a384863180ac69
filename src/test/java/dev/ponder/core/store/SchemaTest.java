package dev.ponder.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
    @TempDir
    Path dir;

    private static final Migration V1 = Migration.fromResource(1);

    @Test
    void theStandardSchemaIsCurrentAndSplitsIntoStatements() {
        Schema schema = Schema.standard();
        assertThat(schema.newestVersion()).isEqualTo(Schema.CURRENT);
        assertThat(V1.statements())
                .anySatisfy(sql -> assertThat(sql)
                        .startsWith("CREATE TRIGGER sample_text_after_update")
                        .contains("INSERT INTO sample_text(rowid, text) VALUES (new.id, new.text);")
                        .endsWith("END;"));
        assertThat(V1.statements()).noneMatch(sql -> sql.startsWith("--"));
    }

    @Test
    void anOlderWorkspaceIsMigratedForwardKeepingItsData() {
        Path file = dir.resolve("old.ponder");
        try (Workspace workspace = Workspace.create(file, new Schema(List.of(V1)))) {
            Fixtures.writeLegacyRun(workspace, "kept", 2, 2);
        }
        Migration v2 = new Migration(
                2,
                List.of(
                        "ALTER TABLE run ADD COLUMN colour TEXT NOT NULL DEFAULT 'blue'",
                        "CREATE INDEX run_by_colour ON run(colour)"));
        try (Workspace workspace = Workspace.open(file, new Schema(List.of(V1, v2)))) {
            assertThat(version(workspace)).isEqualTo(2);
            assertThat(workspace.runSummaries())
                    .singleElement()
                    .satisfies(run -> assertThat(run.samples()).isEqualTo(4));
            String colour = workspace.readSql(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT colour FROM run")) {
                    rows.next();
                    return rows.getString(1);
                }
            });
            assertThat(colour).isEqualTo("blue");
        }
    }

    @Test
    void aVersionOneWorkspaceGainsTheRunProblemTable() {
        Path file = dir.resolve("v1.ponder");
        long runId;
        try (Workspace workspace = Workspace.create(file, new Schema(List.of(V1)))) {
            runId = Fixtures.writeLegacyRun(workspace, "kept", 2, 3);
        }
        try (Workspace workspace = Workspace.open(file)) {
            assertThat(version(workspace)).isEqualTo(Schema.CURRENT);
            assertThat(columns(workspace, "run_problem")).containsExactly("run_id", "problem_id", "reference_json");
            assertThat(workspace.runSummaries())
                    .singleElement()
                    .satisfies(run -> assertThat(run.samples()).isEqualTo(6));
            workspace.writeSql(connection -> {
                try (RunWriter writer = new RunWriter(connection)) {
                    long problem =
                            writer.problemId(new dev.ponder.core.model.Problem(0, "arith/0", null, null, null, null));
                    writer.problemReference(runId, problem, "{\"pred_maj@4\": \"\\\\boxed{1}\"}");
                }
                return null;
            });
            String reference = workspace
                    .readSql(connection -> new RunRepository(connection)
                            .problemReference(
                                    runId,
                                    new ProblemRepository(connection)
                                            .findByKey("arith/0")
                                            .orElseThrow()
                                            .id()))
                    .orElseThrow();
            assertThat(reference).isEqualTo("{\"pred_maj@4\": \"\\\\boxed{1}\"}");
            workspace.writeSql(connection -> new RunRepository(connection).delete(runId));
            assertThat(WorkspaceTest.count(workspace, "run_problem")).isZero();
            assertThat(WorkspaceTest.count(workspace, "problem")).isZero();
        }
    }

    @Test
    void theBulkIndexMigrationKeepsEveryTraceSearchableExactlyOnce() {
        Path file = dir.resolve("v2.ponder");
        try (Workspace workspace = Workspace.create(file, new Schema(List.of(V1, Migration.fromResource(2))))) {
            Fixtures.writeLegacyRun(workspace, "indexed by the old trigger", 3, 2);
        }
        try (Workspace workspace = Workspace.open(file)) {
            assertThat(version(workspace)).isEqualTo(Schema.CURRENT);
            assertThat(WorkspaceTest.hits(workspace, "double-check the carry")).hasSize(6);
            Fixtures.writeRun(workspace, "indexed in bulk", 2, 2);
            assertThat(WorkspaceTest.hits(workspace, "double-check the carry")).hasSize(10);
            workspace.writeSql(connection -> {
                TraceIndex.check(connection);
                return null;
            });
        }
    }

    @Test
    void runsGradedByTheirFilesKeepTheFileVerdictsForRegrading() {
        Path file = dir.resolve("v1.ponder");
        try (Workspace workspace = Workspace.create(file, new Schema(List.of(V1)))) {
            Fixtures.writeLegacyRun(workspace, "labelled", 2, 3);
        }
        try (Workspace workspace = Workspace.open(file)) {
            long kept = workspace.readSql(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rows =
                                statement.executeQuery("SELECT count(*) FROM sample WHERE file_correct = correct")) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            assertThat(kept).isEqualTo(6);
            assertThat(columns(workspace, "analysis_cache"))
                    .containsExactly("run_id", "kind", "key", "built_at", "data");
        }
    }

    @Test
    void aFailingMigrationLeavesTheWorkspaceAtItsLastGoodVersion() {
        Path file = dir.resolve("old.ponder");
        try (Workspace workspace = Workspace.create(file, new Schema(List.of(V1)))) {
            Fixtures.writeLegacyRun(workspace, "kept", 1, 3);
        }
        Migration broken =
                new Migration(2, List.of("ALTER TABLE run ADD COLUMN colour TEXT", "CREATE TABLE sample(id INTEGER)"));
        assertThatThrownBy(() -> Workspace.open(file, new Schema(List.of(V1, broken))))
                .isInstanceOf(WorkspaceException.class)
                .hasMessage("Opening old.ponder failed in the database; the log has the details.")
                .cause()
                .hasMessageContaining("table sample already exists");
        try (Workspace workspace = Workspace.open(file, new Schema(List.of(V1)))) {
            assertThat(version(workspace)).isEqualTo(1);
            assertThat(workspace.runSummaries())
                    .singleElement()
                    .satisfies(run -> assertThat(run.samples()).isEqualTo(3));
            assertThat(columns(workspace, "run")).doesNotContain("colour");
        }
    }

    @Test
    void aFailedCreateLeavesNoFileBehind() {
        Path file = dir.resolve("new.ponder");
        Migration broken = new Migration(1, List.of("CREATE TABLE run(id INTEGER)", "CREATE TABLE run(id INTEGER)"));
        assertThatThrownBy(() -> Workspace.create(file, new Schema(List.of(broken))))
                .isInstanceOf(WorkspaceException.class);
        assertThat(file).doesNotExist();
        assertThat(file.resolveSibling("new.ponder-wal")).doesNotExist();
    }

    @Test
    void migrationsMustBeNumberedWithoutGaps() {
        assertThatThrownBy(() -> new Schema(List.of(V1, new Migration(3, List.of()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scriptsSplitAtStatementEndsAndKeepTriggerBodiesWhole() {
        List<String> statements = SqlScript.statements("""
                -- a comment; with a semicolon
                CREATE TABLE a(x INTEGER);
                CREATE TABLE b(
                    y TEXT
                );
                CREATE TRIGGER t AFTER INSERT ON a BEGIN
                    INSERT INTO b(y) VALUES ('one;');
                    INSERT INTO b(y) VALUES ('two');
                END;
                """);
        assertThat(statements).hasSize(3);
        assertThat(statements.get(1)).isEqualTo("CREATE TABLE b(\n    y TEXT\n);");
        assertThat(statements.get(2))
                .startsWith("CREATE TRIGGER t")
                .endsWith("END;")
                .contains("'two'");
        assertThatThrownBy(() -> SqlScript.statements("CREATE TABLE c(x INTEGER)"))
                .hasMessageContaining("ends inside a statement");
    }

    private static int version(Workspace workspace) {
        return workspace.readSql(Schema::version);
    }

    private static List<String> columns(Workspace workspace, String table) {
        return workspace.readSql(connection -> {
            List<String> names = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
                while (rows.next()) {
                    names.add(rows.getString("name"));
                }
            }
            return names;
        });
    }
}
