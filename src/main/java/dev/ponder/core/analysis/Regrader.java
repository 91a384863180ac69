package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grading;
import dev.ponder.core.store.Sql;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Grades a run again with another {@link Grading}: every sample's stored answer against its problem's gold
 * answer, and every search-tree node that reached an answer. The verdicts are worked out while reading, then
 * the changed ones, the run's grader label and the dropped analysis cache are written in one transaction, so
 * a cancelled or failed regrade leaves the run as it was. Answers are not extracted again: extraction does not
 * depend on the grader.
 */
public final class Regrader {
    private static final int REPORT_EVERY = 4096;

    private Regrader() {
    }

    /** What regrading changed. */
    public record Result(String grader, long samples, long changed, long graded, long correct, long treeNodesChanged) {
        public String summary() {
            return String.format("regraded %,d samples with %s: %s changed; %,d of %,d graded samples correct%s",
                    samples, grader, verdicts(changed), correct, graded,
                    treeNodesChanged == 0 ? "" : "; tree nodes: " + verdicts(treeNodesChanged) + " changed");
        }

        private static String verdicts(long count) {
            return String.format("%,d verdict%s", count, count == 1 ? "" : "s");
        }
    }

    public static Result regrade(Workspace workspace, long runId, Grading grading, TaskContext context) {
        context.message("Regrading with " + grading.label());
        Verdicts samples = workspace.read(connection -> samples(connection, runId, grading, context));
        Verdicts nodes = workspace.read(connection -> treeNodes(connection, runId, grading));
        context.checkCancelled();
        workspace.write(connection -> {
            requireRun(connection, runId);
            samples.write(connection, "UPDATE sample SET correct = ? WHERE id = ?");
            nodes.write(connection, "UPDATE tree_node SET correct = ? WHERE id = ?");
            try (PreparedStatement update = connection.prepareStatement("UPDATE run SET grader = ? WHERE id = ?")) {
                update.setString(1, grading.label());
                update.setLong(2, runId);
                update.executeUpdate();
            }
            RunData.invalidate(connection, runId);
            return null;
        });
        return new Result(grading.label(), samples.seen, samples.changedCount(), samples.graded, samples.correct,
                nodes.changedCount());
    }

    private static Verdicts samples(Connection connection, long runId, Grading grading, TaskContext context)
            throws SQLException {
        requireRun(connection, runId);
        long total = RunData.sampleCount(connection, runId);
        Verdicts verdicts = new Verdicts();
        try (PreparedStatement query = connection.prepareStatement("SELECT s.id, s.correct, s.file_correct, "
                + "s.extracted_answer, p.gold_answer FROM sample s JOIN problem p ON p.id = s.problem_id "
                + "WHERE s.run_id = ?")) {
            query.setLong(1, runId);
            query.setFetchSize(REPORT_EVERY);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Boolean now = Sql.bool(rows, 2);
                    Boolean file = Sql.bool(rows, 3);
                    verdicts.add(rows.getLong(1), now, grading.verdict(file, rows.getString(4), rows.getString(5)));
                    if (verdicts.seen % REPORT_EVERY == 0) {
                        context.checkCancelled();
                        context.progress(verdicts.seen, total);
                    }
                }
            }
        }
        context.progress(total, total);
        return verdicts;
    }

    /** Tree nodes keep their verdicts under file labels: Ponder keeps no file verdict of a node apart from it. */
    private static Verdicts treeNodes(Connection connection, long runId, Grading grading) throws SQLException {
        Verdicts verdicts = new Verdicts();
        if (grading.fallback().isEmpty()) {
            return verdicts;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT t.id, t.correct, t.answer, p.gold_answer "
                + "FROM tree_node t JOIN problem p ON p.id = t.problem_id WHERE t.run_id = ? AND t.answer IS NOT NULL")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Boolean next = grading.fallback().get().grade(rows.getString(3), rows.getString(4));
                    verdicts.add(rows.getLong(1), Sql.bool(rows, 2), next);
                }
            }
        }
        return verdicts;
    }

    private static void requireRun(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM run WHERE id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("there is no run " + runId + " in this workspace");
                }
            }
        }
    }

    /** The rows whose verdict changes, with counts of the new verdicts. */
    private static final class Verdicts {
        private final List<long[]> changed = new ArrayList<>();
        private long seen;
        private long graded;
        private long correct;

        void add(long id, Boolean before, Boolean after) {
            seen++;
            if (after != null) {
                graded++;
                if (after) {
                    correct++;
                }
            }
            if (!Objects.equals(before, after)) {
                changed.add(new long[]{id, after == null ? -1 : after ? 1 : 0});
            }
        }

        long changedCount() {
            return changed.size();
        }

        void write(Connection connection, String sql) throws SQLException {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                int batched = 0;
                for (long[] row : changed) {
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
    }
}
