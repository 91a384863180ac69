package dev.ponder.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a run's full-text index after its rows are committed: on a thread of its own, in a scratch SQLite file beside
 * the workspace (no journal: the file is thrown away if anything fails), fed the run's traces as they are read back.
 * At the end the finished index is copied into the workspace in one short write, so the index appears whole or not at
 * all and the workspace is not held for writing while the traces are tokenised, the slowest part of indexing.
 */
final class TraceIndexBuilder implements AutoCloseable {
    /** How much trace text may wait for the indexer before the writer waits: bounds the memory held. */
    private static final int QUEUED_CHARS = 32 << 20;

    private static final int BATCH = 512;
    /** Traces travel to the indexer in chunks, so short ones cost one hand-over per chunk, not one each. */
    private static final int CHUNK_DOCS = 256;

    private static final int CHUNK_CHARS = 4 << 20;
    private static final String SCRATCH = "idx";
    /** Scratch files are named for the process that made them, so leftovers of a killed one can be told apart. */
    static final String SCRATCH_PREFIX = ".ponder-index-";

    private static final Pattern SCRATCH_NAME = Pattern.compile(Pattern.quote(SCRATCH_PREFIX) + "(\\d+)-.*\\.tmp");

    private record Doc(long id, String text) {}

    /** Traces handed over together, and the room in the queue they take. */
    private record Chunk(List<Doc> docs, int chars) {}

    private static final Chunk END = new Chunk(List.of(), 0);

    private final Path file;
    private final Connection scratch;
    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    private List<Doc> pending = new ArrayList<>(CHUNK_DOCS);
    private int pendingChars;
    private final Semaphore room = new Semaphore(QUEUED_CHARS);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean stopped;
    private boolean ended;

    private TraceIndexBuilder(Path file) throws SQLException {
        this.file = file;
        this.scratch = Sqlite.connect("jdbc:sqlite:" + file);
        try (Statement statement = scratch.createStatement()) {
            statement.execute("PRAGMA journal_mode = OFF");
            statement.execute("PRAGMA synchronous = OFF");
            statement.execute("PRAGMA locking_mode = EXCLUSIVE");
            statement.execute("PRAGMA cache_size = -65536");
        }
        TraceIndex.createTable(scratch, SCRATCH, "content = '', " + TraceIndex.OPTIONS);
        TraceIndex.configure(scratch, SCRATCH);
        scratch.setAutoCommit(false);
        this.thread = new Thread(this::index, "ponder-trace-index");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a builder whose scratch file lives in {@code directory}. */
    static TraceIndexBuilder start(Path directory) throws SQLException {
        Path file;
        try {
            file = Files.createTempFile(
                    directory, SCRATCH_PREFIX + ProcessHandle.current().pid() + "-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch file for the search index in " + directory, e);
        }
        try {
            return new TraceIndexBuilder(file);
        } catch (SQLException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** Hands a trace to the indexer; waits while the indexer is too far behind. */
    void add(long sampleId, String text) throws SQLException {
        pending.add(new Doc(sampleId, text));
        pendingChars = (int) Math.min((long) pendingChars + text.length(), QUEUED_CHARS);
        if (pending.size() >= CHUNK_DOCS || pendingChars >= CHUNK_CHARS) {
            handOver();
        }
    }

    private void handOver() throws SQLException {
        rethrowFailure();
        if (pending.isEmpty()) {
            return;
        }
        try {
            while (!room.tryAcquire(pendingChars, 100, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the search index caught up", e);
        }
        queue.add(new Chunk(pending, pendingChars));
        pending = new ArrayList<>(CHUNK_DOCS);
        pendingChars = 0;
    }

    /** Waits for the indexer to index everything handed to it. */
    void complete() throws SQLException {
        handOver();
        ended = true;
        queue.add(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the search index was finished", e);
        }
        rethrowFailure();
    }

    /**
     * Copies the {@link #complete() completed} index into the workspace as the run's index, through the workspace's
     * connection and inside its transaction.
     */
    void copyInto(Connection workspace, long runId) throws SQLException {
        // Created without its settings, which come with the copied config: this connection's FTS5 must not
        // read the new index before the copy, or it would go on seeing it empty.
        String table = TraceIndex.table(runId);
        TraceIndex.createTable(workspace, table, TraceIndex.CONTENT);
        copy(
                workspace,
                "DELETE FROM " + table + "_config",
                "SELECT k, v FROM " + SCRATCH + "_config",
                "INSERT INTO " + table + "_config(k, v) VALUES (?, ?)");
        copy(
                workspace,
                "DELETE FROM " + table + "_data",
                "SELECT id, block FROM " + SCRATCH + "_data",
                "INSERT INTO " + table + "_data(id, block) VALUES (?, ?)");
        copy(
                workspace,
                "DELETE FROM " + table + "_idx",
                "SELECT segid, term, pgno FROM " + SCRATCH + "_idx",
                "INSERT INTO " + table + "_idx(segid, term, pgno) VALUES (?, ?, ?)");
    }

    /** Stops the indexer if it still runs and deletes the scratch file. */
    @Override
    public void close() {
        stopped = true;
        if (!ended) {
            queue.add(END);
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            scratch.close();
        } catch (SQLException e) {
            // The file is deleted next; nothing in it is needed.
        }
        deleteQuietly(file);
    }

    private void index() {
        try (PreparedStatement insert =
                scratch.prepareStatement("INSERT INTO " + SCRATCH + "(rowid, text) VALUES (?, ?)")) {
            while (true) {
                Chunk chunk = queue.take();
                if (chunk == END || stopped) {
                    break;
                }
                for (Doc doc : chunk.docs()) {
                    insert.setLong(1, doc.id());
                    insert.setString(2, doc.text());
                    insert.addBatch();
                }
                insert.executeBatch();
                room.release(chunk.chars());
            }
            if (!stopped) {
                scratch.commit();
            }
        } catch (SQLException | RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = e;
            Thread.currentThread().interrupt();
        } finally {
            // A writer waiting for room must not wait for an indexer that is gone.
            room.release(QUEUED_CHARS);
        }
    }

    private void rethrowFailure() throws SQLException {
        Throwable failed = failure;
        if (failed != null) {
            throw failed instanceof SQLException sql
                    ? sql
                    : new SQLException("the search index failed: " + failed, failed);
        }
    }

    /** Copies a shadow table of the scratch index into the same shadow table of the run's index. */
    private void copy(Connection workspace, String clear, String select, String insert) throws SQLException {
        try (Statement statement = workspace.createStatement()) {
            statement.execute(clear);
        }
        try (Statement query = scratch.createStatement();
                ResultSet rows = query.executeQuery(select);
                PreparedStatement target = workspace.prepareStatement(insert)) {
            int columns = rows.getMetaData().getColumnCount();
            int batched = 0;
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    target.setObject(column, rows.getObject(column));
                }
                target.addBatch();
                if (++batched == BATCH) {
                    target.executeBatch();
                    batched = 0;
                }
            }
            target.executeBatch();
        }
    }

    /**
     * Deletes the scratch files in {@code directory} that a Ponder killed mid-import left behind: those of
     * processes no longer running.
     */
    static void removeLeftovers(Path directory) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, SCRATCH_PREFIX + "*.tmp")) {
            for (Path file : files) {
                Matcher name = SCRATCH_NAME.matcher(file.getFileName().toString());
                if (name.matches()
                        && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Leftovers only take disk space; failing to tidy them must not stop a workspace from opening.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
