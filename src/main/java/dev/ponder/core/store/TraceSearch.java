package dev.ponder.core.store;

import dev.ponder.core.model.SearchHit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Full-text search over every trace of the workspace (SQLite FTS5, one index per run: {@link TraceIndex}). */
public final class TraceSearch {

    private final Connection connection;

    TraceSearch(Connection connection) {
        this.connection = connection;
    }

    /** Finds samples containing the phrase, in the order they were imported. */
    public List<SearchHit> phrase(String phrase, int limit) throws SQLException {
        return query(quote(phrase), limit);
    }

    /** Runs an FTS5 query expression (phrases in double quotes, AND, OR, NOT, NEAR, prefix*) over every run. */
    public List<SearchHit> query(String ftsQuery, int limit) throws SQLException {
        List<SearchHit> hits = new ArrayList<>();
        for (long runId : TraceIndex.indexedRuns(connection)) {
            if (hits.size() >= limit) {
                break;
            }
            hits.addAll(query(runId, ftsQuery, limit - hits.size()));
        }
        return hits;
    }

    /** How many samples of every run match an FTS5 query expression: the total a listing of the first few leaves out. */
    public long count(String ftsQuery) throws SQLException {
        long total = 0;
        for (long runId : TraceIndex.indexedRuns(connection)) {
            String table = TraceIndex.table(runId);
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE " + table + " MATCH ?")) {
                query.setString(1, ftsQuery);
                try (ResultSet rows = query.executeQuery()) {
                    total += rows.next() ? rows.getLong(1) : 0;
                }
            }
        }
        return total;
    }

    /** Runs an FTS5 query expression over one run's traces. */
    public List<SearchHit> query(long runId, String ftsQuery, int limit) throws SQLException {
        String table = TraceIndex.table(runId);
        try (PreparedStatement query = connection.prepareStatement("SELECT s.id, s.run_id, s.problem_id, "
                + "r.name, p.problem_key, s.sample_index, s.round, snippet(" + table + ", 0, '[', ']', '…', 12) "
                + "FROM " + table + " JOIN sample s ON s.id = " + table + ".rowid JOIN run r ON r.id = s.run_id "
                + "JOIN problem p ON p.id = s.problem_id WHERE " + table + " MATCH ? ORDER BY " + table
                + ".rowid LIMIT ?")) {
            query.setString(1, ftsQuery);
            query.setInt(2, limit);
            List<SearchHit> hits = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    hits.add(new SearchHit(
                            rows.getLong(1),
                            rows.getLong(2),
                            rows.getLong(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getInt(6),
                            rows.getInt(7),
                            rows.getString(8)));
                }
            }
            return hits;
        }
    }

    /**
     * What a search box's text means: the words as one phrase (case and punctuation ignored, as the index reads
     * them); text already written as an FTS5 query (quotes, AND, OR, NOT, NEAR, a trailing *) is taken as one.
     */
    public static String queryFor(String typed) {
        String text = typed.strip();
        if (text.contains("\"") || text.endsWith("*") || text.matches(".*\\b(AND|OR|NOT|NEAR)\\b.*")) {
            return text;
        }
        return quote(text);
    }

    /** An FTS5 phrase literal: the text in double quotes, embedded quotes doubled. */
    static String quote(String phrase) {
        return '"' + phrase.replace("\"", "\"\"") + '"';
    }
}
