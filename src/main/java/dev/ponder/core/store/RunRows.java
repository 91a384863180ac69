package dev.ponder.core.store;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.TreeNode;
import dev.ponder.core.store.AnalysisRows.RowHandler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's rows in full, each table read in one pass in id order, for writing the run out: its problems, its
 * samples with their steps and segments, its tree nodes and its problems' reference values.
 */
public final class RunRows {

    /** A sample with what belongs to it and the key of its problem. */
    public record StoredSample(
            Sample sample, String problemKey, Boolean fileCorrect, List<Step> steps, List<Segment> segments) {}

    /** A tree node with the key of its problem. */
    public record StoredNode(TreeNode node, String problemKey) {}

    /** The reference values a run's own tool recorded for a problem, as a JSON object. */
    public record ProblemReference(String problemKey, String json) {}

    private final Connection connection;

    RunRows(Connection connection) {
        this.connection = connection;
    }

    /** Every problem the run has samples, tree nodes or reference values of, in id order. */
    public void problems(long runId, RowHandler<Problem> rows) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("SELECT id, problem_key, dataset, question, "
                + "gold_answer, metadata_json FROM problem WHERE id IN (SELECT problem_id FROM sample WHERE run_id = ?1 "
                + "UNION SELECT problem_id FROM tree_node WHERE run_id = ?1 UNION SELECT problem_id FROM run_problem "
                + "WHERE run_id = ?1) ORDER BY id")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.accept(new Problem(
                            row.getLong(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6)));
                }
            }
        }
    }

    /** The samples of the run that others continue. */
    public Set<Long> parentSamples(long runId) throws SQLException {
        Set<Long> parents = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT DISTINCT parent_sample_id FROM sample WHERE run_id = ? AND parent_sample_id IS NOT NULL")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    parents.add(rows.getLong(1));
                }
            }
        }
        return parents;
    }

    /** Every sample of the run in id order, each with its steps and segments. */
    public void samples(long runId, RowHandler<StoredSample> rows) throws Exception {
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT s." + SampleRepository.COLUMNS.replace(", ", ", s.")
                                + ", p.problem_key, s.file_correct FROM sample s JOIN problem p ON p.id = s.problem_id "
                                + "WHERE s.run_id = ? ORDER BY s.id");
                Children steps = new Children(
                        connection,
                        "SELECT sample_id, step_index, char_start, char_end, score "
                                + "FROM step WHERE sample_id IN (SELECT id FROM sample WHERE run_id = ?) "
                                + "ORDER BY sample_id, step_index",
                        runId);
                Children segments = new Children(
                        connection,
                        "SELECT sample_id, segment_index, kind, char_start, char_end, "
                                + "detail FROM segment WHERE sample_id IN (SELECT id FROM sample WHERE run_id = ?) "
                                + "ORDER BY sample_id, segment_index",
                        runId)) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Sample sample = SampleRepository.sample(row);
                    List<Step> sampleSteps = new ArrayList<>();
                    steps.rowsOf(
                            sample.id(),
                            step -> sampleSteps.add(
                                    new Step(step.getInt(2), step.getInt(3), step.getInt(4), Sql.real(step, 5))));
                    List<Segment> sampleSegments = new ArrayList<>();
                    segments.rowsOf(
                            sample.id(),
                            segment -> sampleSegments.add(new Segment(
                                    segment.getInt(2),
                                    SegmentKind.fromCode(segment.getString(3)),
                                    segment.getInt(4),
                                    segment.getInt(5),
                                    segment.getString(6))));
                    rows.accept(new StoredSample(
                            sample,
                            row.getString("problem_key"),
                            Sql.bool(row, "file_correct"),
                            sampleSteps,
                            sampleSegments));
                }
            }
        }
    }

    /** Every tree node of the run in id order. */
    public void treeNodes(long runId, RowHandler<StoredNode> rows) throws Exception {
        try (PreparedStatement query = connection.prepareStatement("SELECT t.id, t.run_id, t.problem_id, t.parent_id, "
                + "t.node_key, t.iteration, t.step_text, t.value, t.visits, t.prior, t.reward, t.terminal, t.pruned, "
                + "t.answer, t.correct, t.meta_json, p.problem_key FROM tree_node t JOIN problem p "
                + "ON p.id = t.problem_id WHERE t.run_id = ? ORDER BY t.id")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.accept(new StoredNode(TreeNodeRepository.node(row), row.getString("problem_key")));
                }
            }
        }
    }

    /** The run's per-problem reference values, by problem id. */
    public void problemReferences(long runId, RowHandler<ProblemReference> rows) throws Exception {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT p.problem_key, r.reference_json "
                        + "FROM run_problem r JOIN problem p ON p.id = r.problem_id WHERE r.run_id = ? ORDER BY r.problem_id")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.accept(new ProblemReference(row.getString(1), row.getString(2)));
                }
            }
        }
    }

    /** Reads one child row. */
    private interface ChildRow {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * A cursor over a child table (steps, segments) ordered by sample, read alongside the samples in the same
     * order: one pass over each table instead of one query per sample.
     */
    private static final class Children implements AutoCloseable {
        private final PreparedStatement query;
        private final ResultSet rows;
        private boolean hasRow;

        Children(Connection connection, String sql, long runId) throws SQLException {
            query = connection.prepareStatement(sql);
            query.setLong(1, runId);
            rows = query.executeQuery();
            hasRow = rows.next();
        }

        void rowsOf(long sampleId, ChildRow reader) throws SQLException {
            while (hasRow && rows.getLong(1) <= sampleId) {
                if (rows.getLong(1) == sampleId) {
                    reader.read(rows);
                }
                hasRow = rows.next();
            }
        }

        @Override
        public void close() throws SQLException {
            rows.close();
            query.close();
        }
    }
}
