package dev.ponder.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening anything that is not a workspace this Ponder can read fails clearly and leaves the file as it was. */
class ForeignFileTest {
    @TempDir
    Path dir;

    @Test
    void aTextFileIsNotAWorkspace() throws Exception {
        Path file = dir.resolve("notes.ponder");
        Files.writeString(file, "{\"doc_id\": 0, \"resps\": [[\"42\"]]}\n".repeat(20));
        assertRejectedUnchanged(file, WorkspaceException.Reason.NOT_A_WORKSPACE, "is not an SQLite database");
    }

    @Test
    void anEmptyFileBecomesANewWorkspace() throws Exception {
        Path file = dir.resolve("empty.ponder");
        Files.createFile(file);
        try (Workspace workspace = Workspace.open(file)) {
            assertThat(workspace.schemaVersion()).isEqualTo(Schema.standard().newestVersion());
            assertThat(workspace.runSummaries()).isEmpty();
        }
        try (Workspace again = Workspace.openOrCreate(file)) {
            assertThat(again.runSummaries()).isEmpty();
        }
    }

    @Test
    void anEmptyFileWhoseLogHoldsDataIsLeftAlone() throws Exception {
        Path file = dir.resolve("crashed.ponder");
        Files.createFile(file);
        Files.writeString(dir.resolve("crashed.ponder-wal"), "pages a checkpoint never copied");
        assertRejectedUnchanged(file, WorkspaceException.Reason.NOT_A_WORKSPACE, "the file is empty");
    }

    @Test
    void aShortFileIsNotAWorkspace() throws Exception {
        Path file = dir.resolve("short.ponder");
        Files.writeString(file, "SQLite format 3");
        assertRejectedUnchanged(file, WorkspaceException.Reason.NOT_A_WORKSPACE, "is not an SQLite database");
    }

    @Test
    void anotherApplicationsDatabaseIsNotAWorkspace() throws Exception {
        Path file = dir.resolve("browser-history.sqlite");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE run(id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO run(name) VALUES ('not ours')");
        }
        assertRejectedUnchanged(file, WorkspaceException.Reason.NOT_A_WORKSPACE, "database of another application");
    }

    @Test
    void aWorkspaceFromANewerPonderIsRefused() throws Exception {
        Path file = dir.resolve("future.ponder");
        Workspace.create(file).close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + (Schema.CURRENT + 1));
        }
        assertRejectedUnchanged(
                file, WorkspaceException.Reason.TOO_NEW, "newer Ponder (workspace schema v" + (Schema.CURRENT + 1));
    }

    @Test
    void aMissingFileIsReportedAndNotCreated() {
        Path file = dir.resolve("missing.ponder");
        assertThatThrownBy(() -> Workspace.open(file))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("There is no workspace at")
                .extracting(e -> ((WorkspaceException) e).reason())
                .isEqualTo(WorkspaceException.Reason.NOT_FOUND);
        assertThat(file).doesNotExist();
    }

    @Test
    void aFolderIsNotAWorkspace() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.ponder"));
        assertThatThrownBy(() -> Workspace.open(folder)).hasMessageContaining("not a regular file");
    }

    private void assertRejectedUnchanged(Path file, WorkspaceException.Reason reason, String message) throws Exception {
        String before = sha256(file);
        long filesBefore = filesIn(dir);
        assertThatThrownBy(() -> Workspace.open(file))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("left unchanged")
                .extracting(e -> ((WorkspaceException) e).reason())
                .isEqualTo(reason);
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(filesIn(dir))
                .as("no -wal, -shm or journal files left behind")
                .isEqualTo(filesBefore);
    }

    private static long filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
