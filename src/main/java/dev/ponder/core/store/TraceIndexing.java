package dev.ponder.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The second phase of an import: a run is committed with its rows and figures but without its full-text index, and
 * its traces are made searchable here afterwards. The traces are read back in one read transaction and tokenised into
 * a scratch file ({@link TraceIndexBuilder}); the finished index is copied in by one short write, only if the run is
 * still as it was read, so a run is either searchable whole or not at all, at every moment, and a cancelled or
 * failed build leaves the workspace as it was (the run is indexed the next time).
 */
public final class TraceIndexing {
    /** How often, in traces, progress is told. */
    private static final int REPORT_EVERY = 2048;

    /** Told how far a run's index has come; may throw to stop it (a cancellation), and then nothing is kept. */
    @FunctionalInterface
    public interface Progress {
        void indexed(long traces, long of);
    }

    /** What a run's index is built from: its samples' id range and count, and whether it has its index. */
    private record Snapshot(boolean exists, boolean indexed, long samples, long firstId, long lastId) {}

    private final Workspace workspace;

    public TraceIndexing(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The runs whose traces are not searchable yet, oldest first. */
    public List<Long> unindexedRuns() {
        return workspace.readSql(TraceIndex::unindexedRuns);
    }

    /**
     * Builds the run's index; {@code false} when there was nothing to do (the run has its index, or is gone). A run
     * that changes while its traces are read is read again.
     */
    public boolean index(long runId, Progress progress) {
        while (true) {
            Snapshot before = workspace.readSql(connection -> snapshot(connection, runId));
            if (!before.exists() || before.indexed()) {
                return false;
            }
            try (TraceIndexBuilder builder = TraceIndexBuilder.start(scratchFolder())) {
                workspace.readSql(connection -> {
                    feed(connection, runId, before, builder, progress);
                    return null;
                });
                builder.complete();
                boolean copied = workspace.writeSql(connection -> {
                    if (!snapshot(connection, runId).equals(before)) {
                        return false;
                    }
                    builder.copyInto(connection, runId);
                    return true;
                });
                if (copied) {
                    return true;
                }
            } catch (SQLException e) {
                throw workspace.failed(e);
            }
            if (!workspace.readSql(connection -> snapshot(connection, runId)).exists()) {
                return false;
            }
        }
    }

    private Path scratchFolder() {
        Path parent = workspace.file().toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    private static void feed(
            Connection connection, long runId, Snapshot snapshot, TraceIndexBuilder builder, Progress progress)
            throws SQLException {
        progress.indexed(0, snapshot.samples());
        // The rowid range is scanned in order; the unary plus keeps SQLite from reading the run's samples through an
        // index and sorting their traces by id.
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, text FROM sample WHERE id BETWEEN ? AND ? AND +run_id = ? ORDER BY id")) {
            query.setLong(1, snapshot.firstId());
            query.setLong(2, snapshot.lastId());
            query.setLong(3, runId);
            query.setFetchSize(1024);
            long done = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    builder.add(rows.getLong(1), rows.getString(2));
                    if (++done % REPORT_EVERY == 0) {
                        progress.indexed(done, snapshot.samples());
                    }
                }
            }
            progress.indexed(done, snapshot.samples());
        }
    }

    private static Snapshot snapshot(Connection connection, long runId) throws SQLException {
        try (PreparedStatement run = connection.prepareStatement("SELECT 1 FROM run WHERE id = ?")) {
            run.setLong(1, runId);
            try (ResultSet rows = run.executeQuery()) {
                if (!rows.next()) {
                    return new Snapshot(false, false, 0, 0, 0);
                }
            }
        }
        try (PreparedStatement samples = connection.prepareStatement(
                "SELECT count(*), coalesce(min(id), 0), coalesce(max(id), 0) FROM sample WHERE run_id = ?")) {
            samples.setLong(1, runId);
            try (ResultSet rows = samples.executeQuery()) {
                rows.next();
                return new Snapshot(
                        true, TraceIndex.exists(connection, runId), rows.getLong(1), rows.getLong(2), rows.getLong(3));
            }
        }
    }
}
