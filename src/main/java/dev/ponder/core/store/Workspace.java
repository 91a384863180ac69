package dev.ponder.core.store;

import dev.ponder.core.model.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
    static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final Checkpointer checkpointer;
    private final WriteTurn writeTurn;
    private final Map<String, Object> exclusiveWork = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private final boolean readOnly;

    Workspace(Path file, Connection writer) {
        this(file, writer, false);
    }

    Workspace(Path file, Connection writer, boolean readOnly) {
        this.file = file;
        this.writer = writer;
        this.readOnly = readOnly;
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
        return WorkspaceOpening.open(file, schema);
    }

    static Workspace create(Path file, Schema schema) {
        return WorkspaceOpening.create(file, schema);
    }

    /** Whether the workspace is open read-only: reading works, every write is refused with a sentence. */
    public boolean readOnly() {
        return readOnly;
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
        return writeSql(connection -> work.run(new Tables(connection)));
    }

    /** Runs {@code work} on a read-only connection that sees the last committed state. */
    public <T> T read(StoreWork<T> work) {
        return readSql(connection -> work.run(new Tables(connection)));
    }

    <T> T writeSql(SqlWork<T> work) {
        if (readOnly) {
            throw new WorkspaceException(
                    WorkspaceException.Reason.READ_ONLY,
                    file,
                    file.getFileName() + " is open read-only (a read-only disk or file): reading works, changing it "
                            + "does not. Copy it somewhere writable to change it.");
        }
        writeLock.lock();
        try {
            ensureOpen();
            if (writeLock.getHoldCount() > 1) {
                return runJoined(work);
            }
            writer.setAutoCommit(false);
            T result;
            try {
                writeTurn.take();
                result = work.run(writer);
                writer.commit();
            } catch (Throwable e) {
                rollbackQuietly();
                restoreAutoCommit();
                throw rethrow(e);
            }
            writer.setAutoCommit(true);
            checkpointer.request();
            return result;
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

    /** Caps the file at {@code pages} pages, as a full disk would: for tests of a write that runs out of space. */
    void limitPages(long pages) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA max_page_count = " + pages);
        }
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
                if (!readOnly) {
                    statement.execute("PRAGMA optimize");
                }
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
                    Connection connection =
                            readOnly ? ReadOnlyFile.connect(file) : config.createConnection("jdbc:sqlite:" + file);
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

    private RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException runtime) {
            // the workspace's own database failing, wrapped on its way up (an import's sink), is still said as one
            return !(runtime instanceof WorkspaceException)
                            && runtime.getCause() instanceof org.sqlite.SQLiteException sql
                    ? failed(sql)
                    : runtime;
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

    WorkspaceException failed(SQLException e) {
        return SqliteErrors.explain(file, "Using", e);
    }

    /**
     * Back to autocommit after a failed write, whose cause must not be hidden: where SQLite rolled the transaction
     * back itself (a full disk), ending it again fails, and that failure is not news.
     */
    private void restoreAutoCommit() {
        try {
            writer.setAutoCommit(true);
        } catch (SQLException ignored) {
            // no transaction was left to end
        }
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to hear about
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing useful to do while already failing or closing
            }
        }
    }
}
