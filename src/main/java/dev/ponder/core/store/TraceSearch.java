package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Full-text search over every trace of the workspace (SQLite FTS5, one index per run: {@link TraceIndex}). */
public final class TraceSearch {

    /** A sample whose text matches, with the match in context ({@code [} and {@code ]} around the hit). */
    public record Hit(long sampleId, long runId, long problemId, String snippet) {
    }

    private final Connection connection;

    public TraceSearch(Connection connection) {
        this.connection = connection;
    }

    /** Finds samples containing the phrase, in the order they were imported. */
    public List<Hit> phrase(String phrase, int limit) throws SQLException {
        return query(quote(phrase), limit);
    }

    /** Runs an FTS5 query expression (phrases in double quotes, AND, OR, NOT, NEAR, prefix*) over every run. */
    public List<Hit> query(String ftsQuery, int limit) throws SQLException {
        List<Hit> hits = new ArrayList<>();
        for (long runId : TraceIndex.indexedRuns(connection)) {
            if (hits.size() >= limit) {
                break;
            }
            hits.addAll(query(runId, ftsQuery, limit - hits.size()));
        }
        return hits;
    }

    /** Runs an FTS5 query expression over one run's traces. */
    public List<Hit> query(long runId, String ftsQuery, int limit) throws SQLException {
        String table = TraceIndex.table(runId);
        try (PreparedStatement query = connection.prepareStatement("SELECT s.id, s.run_id, s.problem_id, "
                + "snippet(" + table + ", 0, '[', ']', '…', 12) AS snippet FROM " + table
                + " JOIN sample s ON s.id = " + table + ".rowid WHERE " + table + " MATCH ? ORDER BY " + table
                + ".rowid LIMIT ?")) {
            query.setString(1, ftsQuery);
            query.setInt(2, limit);
            List<Hit> hits = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hits.add(new Hit(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4)));
                }
            }
            return hits;
        }
    }

    /** An FTS5 phrase literal: the text in double quotes, embedded quotes doubled. */
    static String quote(String phrase) {
        return '"' + phrase.replace("\"", "\"\"") + '"';
    }
}
