package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.store.Sql;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where figures get a run's data: its compact columns and its samples' overthinking facts, read from the
 * workspace's analysis cache, else built once (the columns from the sample table's small columns, the facts
 * from one pass over the traces) and cached. The analysed samples are each problem's last round (round 0 for
 * runs of one round), by problem and sample index.
 */
public final class RunData {
    static final String COLUMNS = "columns";
    static final String EFFICIENCY = "efficiency";
    /** In the order of the index on (run, problem, round, sample index): a problem's last round comes last. */
    private static final String ORDER = " ORDER BY s.problem_id, s.round, s.sample_index, s.id";
    private static final String COLUMNS_SELECT = "SELECT s.id, s.problem_id, s.sample_index, s.correct, s.answer_key, "
            + "s.extracted_answer, s.score, s.tokens_total, s.tokens_thinking, s.truncated, s.finish_reason, s.round "
            + "FROM sample s WHERE s.run_id = ?";
    private static final Map<String, Object> BUILDING = new ConcurrentHashMap<>();
    private static final Set<String> CUT_OFF = Set.of("length", "max_tokens", "max_length", "model_length");

    private RunData() {
    }

    /** The run's compact columns. */
    public static RunColumns columns(Workspace workspace, long runId) {
        return columns(workspace, runId, null);
    }

    /**
     * The run's compact columns with the verdicts of {@code grading} instead of the stored ones (the stored ones
     * when it is {@code null}): for figures under another grader without regrading the run. Cached per grading.
     */
    public static RunColumns columns(Workspace workspace, long runId, Grading grading) {
        String key = grading == null ? "v1" : "v1:" + grading.label();
        byte[] cached = workspace.read(connection -> cached(connection, runId, COLUMNS, key));
        RunColumns columns = cached == null ? null : ColumnsCodec.decode(cached);
        if (columns != null) {
            return columns;
        }
        RunColumns built = workspace.read(connection -> build(connection, runId, grading));
        byte[] data = ColumnsCodec.encode(built);
        workspace.write(connection -> {
            store(connection, runId, COLUMNS, key, data);
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
        return efficiency(workspace, runId, markers, null, context);
    }

    /** As {@link #efficiency(Workspace, long, ReflectionMarkers, TaskContext)}, grading with {@code grading}'s grader. */
    public static List<SampleEfficiency> efficiency(Workspace workspace, long runId, ReflectionMarkers markers,
                                                    Grading grading, TaskContext context) {
        String key = "v1:" + markers.fingerprint() + (grading == null ? "" : ":" + grading.label());
        // Screens ask for the same facts at once (the overview and the problems table): one reads the traces,
        // the other waits and then finds them cached.
        Object lock = BUILDING.computeIfAbsent(workspace.file() + "#" + runId + "#" + key, name -> new Object());
        synchronized (lock) {
            return efficiencyOnce(workspace, runId, markers, grading, key, context);
        }
    }

    private static List<SampleEfficiency> efficiencyOnce(Workspace workspace, long runId, ReflectionMarkers markers,
                                                         Grading grading, String key, TaskContext context) {
        byte[] cached = workspace.read(connection -> cached(connection, runId, EFFICIENCY, key));
        List<SampleEfficiency> facts = cached == null ? null : ColumnsCodec.decodeEfficiency(cached);
        if (facts != null) {
            return facts;
        }
        List<SampleEfficiency> built = workspace.read(connection -> traces(connection, runId, markers, grading, context));
        byte[] data = ColumnsCodec.encodeEfficiency(built);
        workspace.write(connection -> {
            store(connection, runId, EFFICIENCY, key, data);
            return null;
        });
        return built;
    }

    /**
     * One problem's columns straight from the sample table, for showing a single problem without the whole run:
     * an indexed read of its samples. Empty columns when the run has no sample of it.
     */
    public static RunColumns problemColumns(Workspace workspace, long runId, long problemId) {
        return workspace.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(COLUMNS_SELECT + " AND s.problem_id = ?"
                    + ORDER)) {
                query.setLong(1, runId);
                query.setLong(2, problemId);
                return read(query, null);
            }
        });
    }

    /** Drops what is cached for the run: after its verdicts or samples change. */
    public static void invalidate(Connection connection, long runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM analysis_cache WHERE run_id = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
    }

    static RunColumns build(Connection connection, long runId) throws SQLException {
        return build(connection, runId, null);
    }

    private static RunColumns build(Connection connection, long runId, Grading grading) throws SQLException {
        String select = grading == null ? COLUMNS_SELECT + ORDER : COLUMNS_SELECT.replace(" FROM sample s",
                ", s.file_correct, p.gold_answer FROM sample s JOIN problem p ON p.id = s.problem_id") + ORDER;
        try (PreparedStatement query = connection.prepareStatement(select)) {
            query.setLong(1, runId);
            query.setFetchSize(4096);
            return read(query, grading);
        }
    }

    private static RunColumns read(PreparedStatement query, Grading grading) throws SQLException {
        RunColumns.Builder builder = new RunColumns.Builder();
        try (ResultSet rows = query.executeQuery()) {
            long problem = Long.MIN_VALUE;
            int round = 0;
            while (rows.next()) {
                long problemId = rows.getLong(2);
                int sampleRound = rows.getInt(12);
                if (problemId != problem) {
                    builder.problem(problemId);
                    problem = problemId;
                    round = sampleRound;
                } else if (sampleRound != round) {
                    builder.restartProblem();
                    round = sampleRound;
                }
                Boolean verdict = grading == null ? Sql.bool(rows, 4)
                        : grading.verdict(Sql.bool(rows, 13), rows.getString(6), rows.getString(14));
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
        return builder.build();
    }

    private static List<SampleEfficiency> traces(Connection connection, long runId, ReflectionMarkers markers,
                                                 Grading grading, TaskContext context) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT s.text, s.think_start, s.think_end, "
                + "s.truncated, s.tokens_total, s.tokens_thinking, p.gold_answer, s.problem_id, s.round FROM sample s "
                + "JOIN problem p ON p.id = s.problem_id WHERE s.run_id = ?" + ORDER)) {
            query.setLong(1, runId);
            query.setFetchSize(256);
            EfficiencyPass pass = new EfficiencyPass(markers, grading != null ? Graders.forTraces(grading.label())
                    : grader(connection, runId));
            return pass.run(query, sampleCount(connection, runId), context);
        }
    }

    private static Grader grader(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT grader FROM run WHERE id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                return Graders.forTraces(rows.next() ? rows.getString(1) : null);
            }
        }
    }

    /** How many samples the run has, every round included: the total for progress reports. */
    static long sampleCount(Connection connection, long runId) throws SQLException {
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
