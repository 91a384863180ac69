package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * What the figures are read from: the sample table's small columns and, for the one pass over the traces, the
 * text with its thinking span; and the analysis cache that keeps what was built from them. Analysed rows come in
 * the order of the index on (run, problem, round, sample index): a problem's last round comes last.
 */
public final class AnalysisRows {
    private static final String ORDER = " ORDER BY s.problem_id, s.round, s.sample_index, s.id";
    private static final String COLUMNS = "SELECT s.id, s.problem_id, s.sample_index, s.correct, s.answer_key, "
            + "s.extracted_answer, s.score, s.tokens_total, s.tokens_thinking, s.truncated, s.finish_reason, s.round";
    private static final String WITH_GOLD = ", s.file_correct, p.gold_answer FROM sample s "
            + "JOIN problem p ON p.id = s.problem_id WHERE s.run_id = ?";
    private static final String WITHOUT_GOLD = " FROM sample s WHERE s.run_id = ?";

    /** A sample's small columns; the file's verdict and the gold answer only where asked for. */
    public record ColumnRow(
            long sampleId,
            long problemId,
            int sampleIndex,
            Boolean correct,
            String answerKey,
            String extractedAnswer,
            Double score,
            Integer tokensTotal,
            Integer tokensThinking,
            boolean truncated,
            String finishReason,
            int round,
            Boolean fileCorrect,
            String gold) {}

    /** A sample's trace with what taking it apart needs. */
    public record TraceRow(
            String text,
            Integer thinkStart,
            int thinkEnd,
            boolean truncated,
            Integer tokensTotal,
            Integer tokensThinking,
            String gold,
            long problemId,
            int round) {}

    /** A search-tree node that reached an answer, with its verdict and its problem's gold answer. */
    public record NodeAnswer(long nodeId, Boolean correct, String answer, String gold) {}

    /** Takes rows one at a time; may throw to stop the read (a cancellation). */
    @FunctionalInterface
    public interface RowHandler<T> {
        void accept(T row) throws Exception;
    }

    private final Connection connection;

    AnalysisRows(Connection connection) {
        this.connection = connection;
    }

    /**
     * The run's samples' small columns in analysis order (of one problem only when {@code problemId} is given),
     * with the file's verdict and the gold answer when {@code withGold}.
     */
    public void columns(long runId, Long problemId, boolean withGold, RowHandler<ColumnRow> rows) throws Exception {
        String sql = COLUMNS
                + (withGold ? WITH_GOLD : WITHOUT_GOLD)
                + (problemId == null ? "" : " AND s.problem_id = ?")
                + ORDER;
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, runId);
            if (problemId != null) {
                query.setLong(2, problemId);
            }
            query.setFetchSize(4096);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.accept(new ColumnRow(
                            row.getLong(1),
                            row.getLong(2),
                            row.getInt(3),
                            Sql.bool(row, 4),
                            row.getString(5),
                            row.getString(6),
                            Sql.real(row, 7),
                            Sql.integer(row, 8),
                            Sql.integer(row, 9),
                            row.getInt(10) != 0,
                            row.getString(11),
                            row.getInt(12),
                            withGold ? Sql.bool(row, 13) : null,
                            withGold ? row.getString(14) : null));
                }
            }
        }
    }

    /** One sample as a run's per-sample columns are written out (Parquet): no trace text. */
    public record SampleColumns(
            String problem,
            String question,
            String gold,
            int sampleIndex,
            int round,
            String answer,
            Boolean correct,
            Integer tokens,
            Integer thinkingTokens,
            Double score,
            String finishReason,
            Integer budget,
            boolean truncated) {}

    /** The run's samples' columns with their problems' keys, questions and gold answers, every round, in order. */
    public void sampleColumns(long runId, RowHandler<SampleColumns> rows) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("SELECT p.problem_key, p.question, p.gold_answer, "
                + "s.sample_index, s.round, s.extracted_answer, s.correct, s.tokens_total, s.tokens_thinking, s.score, "
                + "s.finish_reason, s.budget, s.truncated FROM sample s JOIN problem p ON p.id = s.problem_id "
                + "WHERE s.run_id = ?" + ORDER)) {
            query.setLong(1, runId);
            query.setFetchSize(1024);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    int correct = row.getInt(7);
                    Boolean verdict = row.wasNull() ? null : correct != 0;
                    double score = row.getDouble(10);
                    Double scored = row.wasNull() ? null : score;
                    rows.accept(new SampleColumns(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getInt(4),
                            row.getInt(5),
                            row.getString(6),
                            verdict,
                            Sql.integer(row, 8),
                            Sql.integer(row, 9),
                            scored,
                            row.getString(11),
                            Sql.integer(row, 12),
                            row.getInt(13) != 0));
                }
            }
        }
    }

    /** The run's traces in analysis order, every round included. */
    public void traces(long runId, RowHandler<TraceRow> rows) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("SELECT s.text, s.think_start, s.think_end, "
                + "s.truncated, s.tokens_total, s.tokens_thinking, p.gold_answer, s.problem_id, s.round FROM sample s "
                + "JOIN problem p ON p.id = s.problem_id WHERE s.run_id = ?" + ORDER)) {
            query.setLong(1, runId);
            query.setFetchSize(256);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.accept(new TraceRow(
                            row.getString(1),
                            Sql.integer(row, 2),
                            row.getInt(3),
                            row.getInt(4) != 0,
                            Sql.integer(row, 5),
                            Sql.integer(row, 6),
                            row.getString(7),
                            row.getLong(8),
                            row.getInt(9)));
                }
            }
        }
    }

    /** The run's search-tree nodes that reached an answer. */
    public void answeredTreeNodes(long runId, RowHandler<NodeAnswer> rows) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT t.id, t.correct, t.answer, p.gold_answer "
                        + "FROM tree_node t JOIN problem p ON p.id = t.problem_id WHERE t.run_id = ? AND t.answer IS NOT NULL")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.accept(new NodeAnswer(row.getLong(1), Sql.bool(row, 2), row.getString(3), row.getString(4)));
                }
            }
        }
    }

    /** How many samples the run has, every round included. */
    public long sampleCount(long runId) throws SQLException {
        return count("SELECT count(*) FROM sample WHERE run_id = ?", runId);
    }

    /** Whether the run has samples of a round after the first. */
    public boolean hasLaterRounds(long runId) throws SQLException {
        return count("SELECT count(*) FROM (SELECT 1 FROM sample WHERE run_id = ? AND round <> 0 LIMIT 1)", runId) > 0;
    }

    /** Sets sample verdicts: pairs of {sample id, 1 right / 0 wrong / -1 ungraded}. */
    public void setSampleVerdicts(List<long[]> verdicts) throws SQLException {
        setVerdicts("UPDATE sample SET correct = ? WHERE id = ?", verdicts);
    }

    /** Sets tree-node verdicts: pairs of {node id, 1 right / 0 wrong / -1 ungraded}. */
    public void setTreeNodeVerdicts(List<long[]> verdicts) throws SQLException {
        setVerdicts("UPDATE tree_node SET correct = ? WHERE id = ?", verdicts);
    }

    private void setVerdicts(String sql, List<long[]> verdicts) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int batched = 0;
            for (long[] row : verdicts) {
                if (row[1] < 0) {
                    update.setNull(1, Types.INTEGER);
                } else {
                    update.setInt(1, (int) row[1]);
                }
                update.setLong(2, row[0]);
                update.addBatch();
                if (++batched % 10_000 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    /** What the cache holds for the run under this kind and key, or {@code null}. */
    public byte[] cached(long runId, String kind, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT data FROM analysis_cache WHERE run_id = ? AND kind = ? AND key = ?")) {
            query.setLong(1, runId);
            query.setString(2, kind);
            query.setString(3, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        }
    }

    /**
     * Keeps what was computed for the run; nothing when the run was deleted meanwhile (a followed file's refresh
     * replaces its run while a screen is still computing the figures of the one before).
     */
    public void cache(long runId, String kind, String key, byte[] data) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO analysis_cache(run_id, kind, key, "
                + "built_at, data) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM run WHERE id = ?) "
                + "ON CONFLICT(run_id, kind, key) DO UPDATE SET built_at = excluded.built_at, data = excluded.data")) {
            upsert.setLong(1, runId);
            upsert.setString(2, kind);
            upsert.setString(3, key);
            upsert.setString(4, Instant.now().toString());
            upsert.setBytes(5, data);
            upsert.setLong(6, runId);
            upsert.executeUpdate();
        }
    }

    /** Drops what is cached for the run: after its verdicts or samples change. */
    public void invalidate(long runId) throws SQLException {
        invalidate(connection, runId);
    }

    static void invalidate(Connection connection, long runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM analysis_cache WHERE run_id = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
    }

    private long count(String sql, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
