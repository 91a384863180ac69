package dev.ponder.core.store;

import dev.ponder.core.PonderVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * How a workspace file is opened or made: an existing one checked and brought up to date (or opened read-only where
 * Ponder may not write), a new one created whole or not at all, an empty leftover taken as new.
 */
final class WorkspaceOpening {
    private WorkspaceOpening() {}

    static Workspace open(Path file, Schema schema) {
        Path path = file.toAbsolutePath().normalize();
        if (WorkspaceFile.isEmptyLeftover(path)) {
            // An empty file is no one's data (a create that never wrote, a touched name): it becomes a new workspace.
            deleteWorkspaceFiles(path);
            return create(path, schema);
        }
        WorkspaceFile.checkIsWorkspace(path);
        if (!Files.isWritable(path) || !Files.isWritable(path.getParent())) {
            return openReadOnly(path, schema);
        }
        return opened(path, WorkspaceOpening::connect, connection -> {
            int version = Schema.version(connection);
            if (version > schema.newestVersion()) {
                throw new WorkspaceException(
                        WorkspaceException.Reason.TOO_NEW,
                        path,
                        path.getFileName()
                                + " was written by a newer Ponder (workspace schema v" + version + "; this Ponder "
                                + PonderVersion.current() + " reads up to v" + schema.newestVersion()
                                + "). Update Ponder to open it. The file was left unchanged.");
            }
            configureWriter(connection);
            schema.migrate(connection);
            TraceIndexBuilder.removeLeftovers(path.getParent());
            return new Workspace(path, connection);
        });
    }

    /**
     * A workspace on a read-only disk, or a file Ponder may not write: opened as it is (SQLite's immutable mode, which
     * needs none of the side files a write would make), every read works and every write says why it cannot.
     */
    static Workspace openReadOnly(Path path, Schema schema) {
        return opened(path, ReadOnlyFile::connect, connection -> {
            int version = Schema.version(connection);
            if (version != schema.newestVersion()) {
                throw new WorkspaceException(
                        WorkspaceException.Reason.READ_ONLY,
                        path,
                        path.getFileName() + " is read-only here and was written by "
                                + (version > schema.newestVersion() ? "a newer" : "an older")
                                + " Ponder, whose workspace this one cannot read without changing it. Copy it "
                                + "somewhere writable and open the copy.");
            }
            return new Workspace(path, connection, true);
        });
    }

    /** How an existing file is connected to. */
    private interface Connecting {
        Connection to(Path path) throws SQLException;
    }

    /** What is checked and set up on the connection before it becomes the workspace's. */
    private interface Preparing {
        Workspace on(Connection connection) throws SQLException;
    }

    /** An existing file connected to and prepared; the connection closed and the failure said if either fails. */
    private static Workspace opened(Path path, Connecting connecting, Preparing preparing) {
        Connection connection = null;
        try {
            connection = connecting.to(path);
            return preparing.on(connection);
        } catch (SQLException e) {
            Workspace.closeQuietly(connection);
            throw SqliteErrors.explain(path, "Opening", e);
        } catch (RuntimeException e) {
            Workspace.closeQuietly(connection);
            throw e;
        }
    }

    static Workspace create(Path file, Schema schema) {
        Path path = file.toAbsolutePath().normalize();
        if (Files.exists(path)) {
            throw new WorkspaceException(
                    WorkspaceException.Reason.ALREADY_EXISTS,
                    path,
                    "Cannot create a workspace at " + path + ": a file is already there.");
        }
        Connection connection = null;
        try {
            Files.createDirectories(path.getParent());
            connection = connect(path);
            try (Statement statement = connection.createStatement()) {
                // Larger pages suit long traces and the full-text index; only settable before the first table.
                statement.execute("PRAGMA page_size = 16384");
                // Set before switching to WAL so the marker lands in the main file's header at once.
                statement.execute("PRAGMA application_id = " + WorkspaceFile.APPLICATION_ID);
            }
            configureWriter(connection);
            schema.migrate(connection);
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO workspace_info(key, value) VALUES (?, ?)")) {
                for (String[] entry : new String[][] {
                    {"created_by", "Ponder " + PonderVersion.current()},
                    {"created_at", Instant.now().toString()}
                }) {
                    insert.setString(1, entry[0]);
                    insert.setString(2, entry[1]);
                    insert.executeUpdate();
                }
            }
            return new Workspace(path, connection);
        } catch (SQLException | IOException | RuntimeException e) {
            Workspace.closeQuietly(connection);
            deleteWorkspaceFiles(path);
            if (e instanceof WorkspaceException workspaceException) {
                throw workspaceException;
            }
            throw new WorkspaceException(
                    WorkspaceException.Reason.FAILED,
                    path,
                    "Cannot create workspace " + path + ": " + e.getMessage(),
                    e);
        }
    }

    private static Connection connect(Path path) throws SQLException {
        return Sqlite.connect("jdbc:sqlite:" + path);
    }

    private static void configureWriter(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            // NORMAL in WAL mode keeps every commit atomic across a killed process; only a power cut may lose the last
            // one.
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA busy_timeout = " + Workspace.BUSY_TIMEOUT_MS);
            statement.execute("PRAGMA temp_store = MEMORY");
            statement.execute("PRAGMA cache_size = -65536");
            // Checkpoints run after each write on a thread of their own (Checkpointer), not inside commits.
            statement.execute("PRAGMA wal_autocheckpoint = 0");
        }
        connection.setAutoCommit(true);
    }

    private static void deleteWorkspaceFiles(Path path) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(path.resolveSibling(path.getFileName() + suffix));
            } catch (IOException ignored) {
                // best effort: a failed create must not hide its cause behind a cleanup error
            }
        }
    }
}
