package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import dev.ponder.core.trace.ThinkingSplit;
import dev.ponder.core.trace.ThinkingSplitter;
import dev.ponder.core.trace.TraceStructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where figures get a run's data: its compact columns and its samples' overthinking facts, read from the
 * workspace's analysis cache, else built once (the columns from the sample table's small columns, the facts
 * from one pass over the traces) and cached. The analysed samples are the run's last round (round 0 for runs of
 * one round), by problem and sample index.
 */
public final class RunData {
    static final String COLUMNS = "columns";
    static final String EFFICIENCY = "efficiency";
    private static final String ORDER = " FROM sample s JOIN problem p ON p.id = s.problem_id WHERE s.run_id = ? "
            + "AND s.round = (SELECT coalesce(max(round), 0) FROM sample WHERE run_id = ?) "
            + "ORDER BY s.problem_id, s.sample_index, s.id";
    private static final Set<String> CUT_OFF = Set.of("length", "max_tokens", "max_length", "model_length");

    private RunData() {
    }

    /** The run's compact columns. */
    public static RunColumns columns(Workspace workspace, long runId) {
        byte[] cached = workspace.read(connection -> cached(connection, runId, COLUMNS, "v1"));
        RunColumns columns = cached == null ? null : ColumnsCodec.decode(cached);
        if (columns != null) {
            return columns;
        }
        RunColumns built = workspace.read(connection -> build(connection, runId));
        byte[] data = ColumnsCodec.encode(built);
        workspace.write(connection -> {
            store(connection, runId, COLUMNS, "v1", data);
            return null;
        });
        return built;
    }

    /**
     * Each analysed sample's overthinking facts, in the order of {@link #columns}: from the cache, else from one
     * pass over the traces (reported on {@code context}), with these reflection markers. Intermediate answers are
     * graded with the run's grader where it is one of Ponder's, else with the math grader.
     */
    public static List<SampleEfficiency> efficiency(Workspace workspace, long runId, ReflectionMarkers markers,
                                                    TaskContext context) {
        String key = "v1:" + markers.fingerprint();
        byte[] cached = workspace.read(connection -> cached(connection, runId, EFFICIENCY, key));
        List<SampleEfficiency> facts = cached == null ? null : ColumnsCodec.decodeEfficiency(cached);
        if (facts != null) {
            return facts;
        }
        List<SampleEfficiency> built = workspace.read(connection -> traces(connection, runId, markers, context));
        byte[] data = ColumnsCodec.encodeEfficiency(built);
        workspace.write(connection -> {
            store(connection, runId, EFFICIENCY, key, data);
            return null;
        });
        return built;
    }

    /** Drops what is cached for the run: after its verdicts or samples change. */
    public static void invalidate(Connection connection, long runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM analysis_cache WHERE run_id = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
    }

    static RunColumns build(Connection connection, long runId) throws SQLException {
        RunColumns.Builder builder = new RunColumns.Builder();
        try (PreparedStatement query = connection.prepareStatement("SELECT s.id, s.problem_id, s.sample_index, "
                + "s.correct, s.answer_key, s.extracted_answer, s.score, s.tokens_total, s.tokens_thinking, s.truncated, "
                + "s.finish_reason" + ORDER)) {
            query.setLong(1, runId);
            query.setLong(2, runId);
            query.setFetchSize(4096);
            try (ResultSet rows = query.executeQuery()) {
                long problem = Long.MIN_VALUE;
                while (rows.next()) {
                    long problemId = rows.getLong(2);
                    if (problemId != problem) {
                        builder.problem(problemId);
                        problem = problemId;
                    }
                    int correct = rows.getInt(4);
                    Boolean verdict = rows.wasNull() ? null : correct != 0;
                    double score = rows.getDouble(7);
                    Double scoreValue = rows.wasNull() ? null : score;
                    int total = rows.getInt(8);
                    Integer tokens = rows.wasNull() ? null : total;
                    int thinking = rows.getInt(9);
                    Integer thinkingTokens = rows.wasNull() ? null : thinking;
                    String finish = rows.getString(11);
                    boolean finished = rows.getInt(10) == 0 && (finish == null || !CUT_OFF.contains(finish));
                    builder.sample(rows.getLong(1), rows.getInt(3), verdict, rows.getString(5), rows.getString(6),
                            scoreValue, tokens, thinkingTokens, finished);
                }
            }
        }
        return builder.build();
    }

    private static List<SampleEfficiency> traces(Connection connection, long runId, ReflectionMarkers markers,
                                                 TaskContext context) throws SQLException {
        Grader grader = grader(connection, runId);
        ThinkingSplitter splitter = new ThinkingSplitter();
        long total = count(connection, runId);
        List<SampleEfficiency> facts = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT s.text, s.think_start, s.think_end, "
                + "s.truncated, s.tokens_total, s.tokens_thinking, p.gold_answer" + ORDER)) {
            query.setLong(1, runId);
            query.setLong(2, runId);
            query.setFetchSize(256);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String text = rows.getString(1);
                    ThinkingSplit split = split(splitter, text, rows);
                    int tokens = rows.getInt(5);
                    if (rows.wasNull()) {
                        tokens = rows.getInt(6);
                    }
                    TraceStructure structure = TraceStructure.of(text, split, markers);
                    facts.add(SampleEfficiency.of(structure, text.length(), tokens, rows.getString(7), grader));
                    if (facts.size() % 1024 == 0) {
                        context.checkCancelled();
                        context.progress(facts.size(), total);
                    }
                }
            }
        }
        return facts;
    }

    /** The split as the trace's delimiters give it, else as stored (thinking from a separate reasoning field). */
    private static ThinkingSplit split(ThinkingSplitter splitter, String text, ResultSet rows) throws SQLException {
        ThinkingSplit found = splitter.split(text);
        int start = rows.getInt(2);
        if (found.thinking() != null || rows.wasNull()) {
            return found;
        }
        int end = Math.min(rows.getInt(3), text.length());
        int answerStart = end;
        while (answerStart < text.length() && Character.isWhitespace(text.charAt(answerStart))) {
            answerStart++;
        }
        return new ThinkingSplit(new ThinkingSpan(Math.min(start, end), end), rows.getInt(4) == 0, answerStart);
    }

    private static Grader grader(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT grader FROM run WHERE id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                String name = rows.next() ? rows.getString(1) : null;
                return name == null ? Graders.MATH : Graders.byName(name).orElse(Graders.MATH);
            }
        }
    }

    private static long count(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM sample WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static byte[] cached(Connection connection, long runId, String kind, String key) throws SQLException {
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

    private static void store(Connection connection, long runId, String kind, String key, byte[] data)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO analysis_cache(run_id, kind, key, "
                + "built_at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT(run_id, kind, key) DO UPDATE SET "
                + "built_at = excluded.built_at, data = excluded.data")) {
            upsert.setLong(1, runId);
            upsert.setString(2, kind);
            upsert.setString(3, key);
            upsert.setString(4, Instant.now().toString());
            upsert.setBytes(5, data);
            upsert.executeUpdate();
        }
    }
}
