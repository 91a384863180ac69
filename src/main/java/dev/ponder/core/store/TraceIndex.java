package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The full-text index of a run's traces: one FTS5 table per run, {@code trace_index_<run id>}, over the
 * {@code text} column of the run's samples. One per run so that a run's index can be built beside the
 * workspace while its rows are written ({@link TraceIndexBuilder}) and dropped at once with the run.
 * Larger FTS pages, a 64 MB pending-terms hash and no automerge make big imports index several times faster;
 * columnsize=0 drops the per-document sizes (hits are listed in order, not ranked by bm25).
 */
final class TraceIndex {
    private static final String PREFIX = "trace_index_";
    static final String OPTIONS = "columnsize = 0";
    /** A run's index reads trace text for snippets from the sample table. */
    static final String CONTENT = "content = 'sample', content_rowid = 'id', " + OPTIONS;

    private static final String[] SETTINGS = {"pgsz', 8000", "hashsize', 67108864", "automerge', 0"};

    private TraceIndex() {}

    static String table(long runId) {
        return PREFIX + runId;
    }

    /** Creates the run's empty index over the sample table. */
    static void create(Connection connection, long runId) throws SQLException {
        createTable(connection, table(runId), CONTENT);
        configure(connection, table(runId));
    }

    /** Creates an FTS5 table for traces, without its settings. */
    static void createTable(Connection connection, String table, String options) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIRTUAL TABLE " + table + " USING fts5(text, " + options + ")");
        }
    }

    /** Gives a trace index the settings every trace index uses. */
    static void configure(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String setting : SETTINGS) {
                statement.execute("INSERT INTO " + table + "(" + table + ", rank) VALUES ('" + setting + ")");
            }
        }
    }

    /** Whether the run has its index already. */
    static boolean exists(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            query.setString(1, table(runId));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Indexes the run's samples with ids from {@code firstId} on, in the calling thread. */
    static void indexFrom(Connection connection, long runId, long firstId) throws SQLException {
        if (!exists(connection, runId)) {
            create(connection, runId);
        }
        try (PreparedStatement index = connection.prepareStatement("INSERT INTO " + table(runId) + "(rowid, text) "
                + "SELECT id, text FROM sample WHERE run_id = ? AND id >= ? ORDER BY id")) {
            index.setLong(1, runId);
            index.setLong(2, firstId);
            index.executeUpdate();
        }
    }

    static void drop(Connection connection, long runId) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table(runId));
        }
    }

    /** The runs that have an index, in id order. */
    static List<Long> indexedRuns(Connection connection) throws SQLException {
        List<Long> runs = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                        + "AND name GLOB '" + PREFIX + "[0-9]*' AND sql LIKE 'CREATE VIRTUAL TABLE%'")) {
            while (rows.next()) {
                runs.add(Long.parseLong(rows.getString(1).substring(PREFIX.length())));
            }
        }
        runs.sort(null);
        return runs;
    }

    /** The runs without an index (committed by an import, their index still to be built), in id order. */
    static List<Long> unindexedRuns(Connection connection) throws SQLException {
        List<Long> runs = runIds(connection);
        runs.removeAll(new java.util.HashSet<>(indexedRuns(connection)));
        return runs;
    }

    private static List<Long> runIds(Connection connection) throws SQLException {
        List<Long> runs = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM run ORDER BY id")) {
            while (rows.next()) {
                runs.add(rows.getLong(1));
            }
        }
        return runs;
    }

    /**
     * FTS5's own check of the structure of every run's index; throws if one is damaged. (Its stricter form, which
     * compares an index with the whole content table, cannot apply: each index holds one run's samples.)
     */
    static void check(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (long runId : indexedRuns(connection)) {
                String table = table(runId);
                statement.execute("INSERT INTO " + table + "(" + table + ") VALUES ('integrity-check')");
            }
        }
    }

    /**
     * The schema-4 step: gives every run already in the workspace its own index, then drops the shared one.
     */
    static void splitSharedIndex(Connection connection) throws SQLException {
        for (long runId : runIds(connection)) {
            drop(connection, runId);
            indexFrom(connection, runId, 0);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE sample_text");
        }
    }
}
