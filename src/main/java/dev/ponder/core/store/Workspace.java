package dev.ponder.core.store;

import dev.ponder.core.PonderVersion;
import dev.ponder.core.model.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * An open workspace file. Writes go through one connection, one transaction at a time
 * ({@link #write}); reads use a small pool of read-only connections ({@link #read}) that see the last
 * committed state, so the UI can read while an import writes. Thread-safe.
 */
public final class Workspace implements AutoCloseable {
    public static final String FILE_EXTENSION = ".ponder";

    private static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final Checkpointer checkpointer;
    private final WriteTurn writeTurn;
    private final Map<String, Object> exclusiveWork = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Workspace(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
        this.checkpointer = new Checkpointer(file);
        this.writeTurn = new WriteTurn(file, writer, Duration.ofMillis(BUSY_TIMEOUT_MS));
    }

    /** Opens an existing workspace, bringing an older schema up to date. Refuses foreign or newer files unchanged. */
    public static Workspace open(Path file) {
        return open(file, Schema.standard());
    }

    /** Creates a new, empty workspace; refuses to overwrite anything. */
    public static Workspace create(Path file) {
        return create(file, Schema.standard());
    }

    /** Opens the workspace at {@code file}, creating it first if there is no file. */
    public static Workspace openOrCreate(Path file) {
        return Files.exists(file) ? open(file) : create(file);
    }

    static Workspace open(Path file, Schema schema) {
        Path path = file.toAbsolutePath().normalize();
        if (WorkspaceFile.isEmptyLeftover(path)) {
            // An empty file is no one's data (a create that never wrote, a touched name): it becomes a new workspace.
            deleteWorkspaceFiles(path);
            return create(path, schema);
        }
        WorkspaceFile.checkIsWorkspace(path);
        Connection connection = null;
        try {
            connection = connect(path);
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
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new WorkspaceException(
                    WorkspaceException.Reason.FAILED, path, "Cannot open workspace " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
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
            closeQuietly(connection);
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

    public Path file() {
        return file;
    }

    /** The name shown to the user: the file name without its extension. */
    public String displayName() {
        String name = file.getFileName().toString();
        return name.endsWith(FILE_EXTENSION) ? name.substring(0, name.length() - FILE_EXTENSION.length()) : name;
    }

    /**
     * Runs {@code work} in one transaction on the single write connection: it commits if the work returns
     * and rolls back completely if it throws (including cancellation), so no half-written state remains.
     * A write inside a write on the same thread joins the outer transaction.
     */
    public <T> T write(StoreWork<T> work) {
        return writeSql(connection -> work.run(new Tables(connection, file.getParent())));
    }

    /** Runs {@code work} on a read-only connection that sees the last committed state. */
    public <T> T read(StoreWork<T> work) {
        return readSql(connection -> work.run(new Tables(connection, file.getParent())));
    }

    <T> T writeSql(SqlWork<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            if (writeLock.getHoldCount() > 1) {
                return runJoined(work);
            }
            writer.setAutoCommit(false);
            try {
                writeTurn.take();
                T result = work.run(writer);
                writer.commit();
                checkpointer.request();
                return result;
            } catch (Throwable e) {
                rollbackQuietly();
                throw rethrow(e);
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Who hears that a write waits for another program's (the command line prints it, the window logs it). */
    public void onWaitingForWriter(Consumer<String> listener) {
        writeTurn.onWaiting(listener);
    }

    /** How long one try waits for the lock, and how long all tries together: for tests of a second writer. */
    void waitLimits(Duration busyTimeout, Duration total) {
        writeTurn.limits(busyTimeout, total);
    }

    private <T> T runJoined(SqlWork<T> work) {
        try {
            return work.run(writer);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    <T> T readSql(SqlWork<T> work) {
        Connection connection = borrowReader();
        try {
            return work.run(connection);
        } catch (Throwable e) {
            throw rethrow(e);
        } finally {
            idleReaders.offer(connection);
        }
    }

    /**
     * Runs {@code work} while no other thread runs work under the same key in this workspace: when two screens ask
     * for the same costly figures at once, one builds them and the other waits, then finds them cached.
     */
    public <T> T exclusively(String key, Supplier<T> work) {
        synchronized (exclusiveWork.computeIfAbsent(key, name -> new Object())) {
            return work.get();
        }
    }

    /** The schema version of the file, which this Ponder has brought up to {@link Schema#CURRENT}. */
    public int schemaVersion() {
        return readSql(Schema::version);
    }

    /** Every run with its counts, oldest first. */
    public List<RunSummary> runSummaries() {
        return read(tables -> tables.runs().summaries());
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            checkpointer.close();
            synchronized (allReaders) {
                if (closed) {
                    return;
                }
                closed = true;
                idleReaders.clear();
                allReaders.forEach(Workspace::closeQuietly);
                allReaders.clear();
            }
            try (Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA optimize");
            } catch (SQLException ignored) {
                // optimisation hints are optional; closing must not fail because of them
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private Connection borrowReader() {
        ensureOpen();
        Connection idle = idleReaders.poll();
        if (idle != null) {
            return idle;
        }
        synchronized (allReaders) {
            ensureOpen();
            if (allReaders.size() < READERS) {
                try {
                    SQLiteConfig config = new SQLiteConfig();
                    config.setReadOnly(true);
                    config.setBusyTimeout(BUSY_TIMEOUT_MS);
                    Connection connection = config.createConnection("jdbc:sqlite:" + file);
                    allReaders.add(connection);
                    return connection;
                } catch (SQLException e) {
                    throw failed(e);
                }
            }
        }
        try {
            Connection connection = idleReaders.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (connection == null) {
                throw new WorkspaceException(
                        WorkspaceException.Reason.FAILED,
                        file,
                        "Timed out waiting to read " + file.getFileName() + ": all readers are busy.");
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException(
                    WorkspaceException.Reason.FAILED, file, "Interrupted while waiting to read.", e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new WorkspaceException(WorkspaceException.Reason.FAILED, file, "Workspace " + file + " is closed.");
        }
    }

    private static Connection connect(Path path) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + path);
    }

    private static void configureWriter(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            // NORMAL in WAL mode keeps every commit atomic across a killed process; only a power cut may lose the last
            // one.
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            statement.execute("PRAGMA temp_store = MEMORY");
            statement.execute("PRAGMA cache_size = -65536");
            // Checkpoints run after each write on a thread of their own (Checkpointer), not inside commits.
            statement.execute("PRAGMA wal_autocheckpoint = 0");
        }
        connection.setAutoCommit(true);
    }

    private RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e instanceof SQLException sql) {
            return failed(sql);
        }
        if (e instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new WorkspaceException(WorkspaceException.Reason.FAILED, file, e.getMessage(), e);
    }

    private WorkspaceException failed(SQLException e) {
        return new WorkspaceException(
                WorkspaceException.Reason.FAILED, file, "Workspace " + file.getFileName() + ": " + e.getMessage(), e);
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to hear about
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing useful to do while already failing or closing
            }
        }
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
