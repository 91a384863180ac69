package dev.ponder.core.store;

import dev.ponder.core.model.Answer;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.SampleLine;
import dev.ponder.core.model.SampleRef;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.model.TokenCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Reads samples with their text, steps and segments; for one trace at a time, never for analysis. */
public final class SampleRepository {
    static final String COLUMNS = "id, run_id, problem_id, sample_index, round, text, think_start, think_end, "
            + "truncated, answer_text, extracted_answer, answer_key, correct, tokens_total, tokens_thinking, "
            + "tokens_estimated, finish_reason, score, budget, parent_sample_id, meta_json";

    private final Connection connection;

    SampleRepository(Connection connection) {
        this.connection = connection;
    }

    public Optional<Sample> find(long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM sample WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(sample(rows)) : Optional.empty();
            }
        }
    }

    /** A run's samples of one problem, by round and index. */
    public List<Sample> ofProblem(long runId, long problemId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM sample "
                + "WHERE run_id = ? AND problem_id = ? ORDER BY round, sample_index")) {
            query.setLong(1, runId);
            query.setLong(2, problemId);
            List<Sample> samples = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    samples.add(sample(rows));
                }
            }
            return samples;
        }
    }

    /** A run's samples of one problem as list lines, by round and index, without reading their text. */
    public List<SampleLine> linesOfProblem(long runId, long problemId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id, sample_index, round, extracted_answer, "
                + "answer_key, correct, coalesce(tokens_thinking, tokens_total) AS tokens, finish_reason, score "
                + "FROM sample WHERE run_id = ? AND problem_id = ? "
                + "ORDER BY round, sample_index")) {
            query.setLong(1, runId);
            query.setLong(2, problemId);
            List<SampleLine> lines = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lines.add(new SampleLine(
                            rows.getLong("id"),
                            rows.getInt("sample_index"),
                            rows.getInt("round"),
                            rows.getString("extracted_answer"),
                            rows.getString("answer_key"),
                            Sql.bool(rows, "correct"),
                            Sql.integer(rows, "tokens"),
                            rows.getString("finish_reason"),
                            Sql.real(rows, "score")));
                }
            }
            return lines;
        }
    }

    /** Every sample of a problem in every run (at most {@code limit}), by run, round and index. */
    public List<SampleRef> refsOfProblem(long problemId, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT s.id, s.run_id, r.name, s.sample_index, "
                + "s.round, s.extracted_answer, s.correct FROM sample s JOIN run r ON r.id = s.run_id "
                + "WHERE s.problem_id = ? ORDER BY s.run_id, s.round, s.sample_index LIMIT ?")) {
            query.setLong(1, problemId);
            query.setInt(2, limit);
            List<SampleRef> refs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    refs.add(new SampleRef(
                            rows.getLong(1),
                            rows.getLong(2),
                            rows.getString(3),
                            rows.getInt(4),
                            rows.getInt(5),
                            rows.getString(6),
                            Sql.bool(rows, "correct")));
                }
            }
            return refs;
        }
    }

    public List<Step> steps(long sampleId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT step_index, char_start, char_end, score "
                + "FROM step WHERE sample_id = ? ORDER BY step_index")) {
            query.setLong(1, sampleId);
            List<Step> steps = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    steps.add(new Step(
                            rows.getInt("step_index"),
                            rows.getInt("char_start"),
                            rows.getInt("char_end"),
                            Sql.real(rows, "score")));
                }
            }
            return steps;
        }
    }

    public List<Segment> segments(long sampleId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT segment_index, kind, char_start, char_end, "
                + "detail FROM segment WHERE sample_id = ? ORDER BY segment_index")) {
            query.setLong(1, sampleId);
            List<Segment> segments = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    segments.add(new Segment(
                            rows.getInt("segment_index"),
                            SegmentKind.fromCode(rows.getString("kind")),
                            rows.getInt("char_start"),
                            rows.getInt("char_end"),
                            rows.getString("detail")));
                }
            }
            return segments;
        }
    }

    /** Whether the sample is in the workspace. */
    public boolean exists(long sampleId) throws SQLException {
        return Sql.exists(connection, "SELECT 1 FROM sample WHERE id = ?", sampleId);
    }

    /** Whether the run has samples of the problem. */
    public boolean exist(long runId, long problemId) throws SQLException {
        return Sql.exists(
                connection, "SELECT 1 FROM sample WHERE run_id = ? AND problem_id = ? LIMIT 1", runId, problemId);
    }

    /** Whether any of the run's samples of the problem continues another (a later round, a branch). */
    public boolean continuationsExist(long runId, long problemId) throws SQLException {
        return Sql.exists(
                connection,
                "SELECT 1 FROM sample WHERE run_id = ? AND problem_id = ? "
                        + "AND parent_sample_id IS NOT NULL LIMIT 1",
                runId,
                problemId);
    }

    /** The problem of the run's first sample, if it has one. */
    public Optional<Long> firstProblem(long runId) throws SQLException {
        return Sql.firstLong(connection, "SELECT problem_id FROM sample WHERE run_id = ? ORDER BY id LIMIT 1", runId);
    }

    /** The problems these samples belong to, sorted, each once. */
    public long[] problemsOf(long[] sampleIds) throws SQLException {
        TreeSet<Long> problems = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT problem_id FROM sample WHERE id = ?")) {
            for (long id : sampleIds) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        problems.add(rows.getLong(1));
                    }
                }
            }
        }
        return problems.stream().mapToLong(Long::longValue).toArray();
    }

    static Sample sample(ResultSet rows) throws SQLException {
        Integer thinkStart = Sql.integer(rows, "think_start");
        ThinkingSpan thinking = thinkStart == null ? null : new ThinkingSpan(thinkStart, rows.getInt("think_end"));
        return new Sample(
                rows.getLong("id"),
                rows.getLong("run_id"),
                rows.getLong("problem_id"),
                rows.getInt("sample_index"),
                rows.getInt("round"),
                rows.getString("text"),
                thinking,
                rows.getInt("truncated") != 0,
                new Answer(
                        rows.getString("answer_text"),
                        rows.getString("extracted_answer"),
                        rows.getString("answer_key")),
                Sql.bool(rows, "correct"),
                new TokenCounts(
                        Sql.integer(rows, "tokens_total"),
                        Sql.integer(rows, "tokens_thinking"),
                        rows.getInt("tokens_estimated") != 0),
                rows.getString("finish_reason"),
                Sql.real(rows, "score"),
                Sql.integer(rows, "budget"),
                Sql.longValue(rows, "parent_sample_id"),
                rows.getString("meta_json"));
    }
}
