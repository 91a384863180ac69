package dev.ponder.core.store;

import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSource;
import dev.ponder.core.model.RunSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs of a workspace: insert, find, list with counts, delete. Works on the connection it is given. */
public final class RunRepository {
    private static final String COLUMNS =
            "r.id, r.name, r.source_path, r.source_format, r.source_sha256, r.imported_at, "
                    + "r.model, r.strategy, r.params_json, r.parent_run_id, r.grader, r.notes";

    private final Connection connection;

    RunRepository(Connection connection) {
        this.connection = connection;
    }

    /** Stores a new run and returns its id (the run's own id is ignored). */
    public long insert(Run run) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO run(name, source_path, source_format, "
                + "source_sha256, imported_at, model, strategy, params_json, parent_run_id, grader, notes) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, run.name());
            insert.setString(2, run.source().path());
            insert.setString(3, run.source().format());
            insert.setString(4, run.source().sha256());
            insert.setString(5, run.importedAt().toString());
            insert.setString(6, run.model());
            insert.setString(7, run.strategy());
            insert.setString(8, JsonColumns.params(run.params()));
            Sql.set(insert, 9, run.parentRunId());
            insert.setString(10, run.grader());
            insert.setString(11, run.notes());
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    public void updateSourceSha256(long runId, String sha256) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE run SET source_sha256 = ? WHERE id = ?")) {
            update.setString(1, sha256);
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    /**
     * Records, once an import has seen every record, the model and strategy its records named, the grader and
     * the token counts its numbers rest on, and its parameters.
     */
    public void updateProvenance(long runId, String model, String strategy, String grader, Map<String, String> params)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run SET model = ?, strategy = ?, grader = ?, params_json = ? WHERE id = ?")) {
            update.setString(1, model);
            update.setString(2, strategy);
            update.setString(3, grader);
            update.setString(4, JsonColumns.params(params));
            update.setLong(5, runId);
            update.executeUpdate();
        }
    }

    /** Records which grading the run's verdicts now come from. */
    public void setGrader(long runId, String grader) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE run SET grader = ? WHERE id = ?")) {
            update.setString(1, grader);
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    /** Links a run to the run it was replayed from. */
    public Void setParent(long runId, long parentRunId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE run SET parent_run_id = ? WHERE id = ?")) {
            update.setLong(1, parentRunId);
            update.setLong(2, runId);
            update.executeUpdate();
        }
        return null;
    }

    /** Stores what a researcher edits on a run: its name, model, strategy, parameters and notes. */
    public boolean updateAttributes(Run run) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run SET name = ?, model = ?, strategy = ?, params_json = ?, notes = ? WHERE id = ?")) {
            update.setString(1, run.name());
            update.setString(2, run.model());
            update.setString(3, run.strategy());
            update.setString(4, JsonColumns.params(run.params()));
            update.setString(5, run.notes());
            update.setLong(6, run.id());
            return update.executeUpdate() > 0;
        }
    }

    public Optional<Run> find(long id) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM run r WHERE r.id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(run(rows)) : Optional.empty();
            }
        }
    }

    /** Runs imported from a file with this content hash, oldest first. */
    public List<Run> findBySourceSha256(String sha256) throws SQLException {
        return findBySource("source_sha256", sha256);
    }

    /** Runs with this value of a run parameter (an Inspect log's eval id), oldest first. */
    public List<Run> findByParam(String key, String value) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM run r WHERE json_extract(r.params_json, '$.\"' || ? || '\"') = ? ORDER BY r.id")) {
            query.setString(1, key);
            query.setString(2, value);
            List<Run> runs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(run(rows));
                }
            }
            return runs;
        }
    }

    /** Runs imported from the file at this path, oldest first. */
    public List<Run> findBySourcePath(String path) throws SQLException {
        return findBySource("source_path", path);
    }

    private List<Run> findBySource(String column, String value) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM run r WHERE r." + column + " = ? ORDER BY r.id")) {
            query.setString(1, value);
            List<Run> runs = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(run(rows));
                }
            }
            return runs;
        }
    }

    /** Every run without its counts (no scan of the samples), oldest first. */
    public List<Run> all() throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM run r ORDER BY r.id")) {
            while (rows.next()) {
                runs.add(run(rows));
            }
        }
        return runs;
    }

    /** Every run with its problem, sample and tree-node counts and sample-level accuracy, oldest first. */
    public List<RunSummary> summaries() throws SQLException {
        String sql = "SELECT " + COLUMNS + ", coalesce(p.problems, 0) AS problems, coalesce(c.samples, 0) AS samples, "
                + "coalesce(t.nodes, 0) AS nodes, coalesce(c.graded, 0) AS graded, c.accuracy FROM run r "
                + "LEFT JOIN (SELECT run_id, count(*) AS samples, count(correct) AS graded, avg(correct) AS accuracy "
                + "FROM sample GROUP BY run_id) c ON c.run_id = r.id "
                + "LEFT JOIN (SELECT run_id, count(*) AS nodes FROM tree_node GROUP BY run_id) t ON t.run_id = r.id "
                + "LEFT JOIN (SELECT run_id, count(DISTINCT problem_id) AS problems FROM (SELECT run_id, problem_id "
                + "FROM sample UNION SELECT run_id, problem_id FROM tree_node) GROUP BY run_id) p ON p.run_id = r.id "
                + "ORDER BY r.id";
        List<RunSummary> summaries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                summaries.add(new RunSummary(
                        run(rows),
                        rows.getInt("problems"),
                        rows.getInt("samples"),
                        rows.getInt("nodes"),
                        rows.getInt("graded"),
                        Sql.real(rows, "accuracy")));
            }
        }
        return summaries;
    }

    /** Deletes the run with its samples, steps, segments, tree nodes and tags, and problems no run uses any more. */
    public boolean delete(long id) throws SQLException {
        int deleted;
        TraceIndex.drop(connection, id);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM run WHERE id = ?")) {
            delete.setLong(1, id);
            deleted = delete.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "DELETE FROM problem WHERE NOT EXISTS (SELECT 1 FROM sample s WHERE s.problem_id = problem.id) "
                            + "AND NOT EXISTS (SELECT 1 FROM tree_node t WHERE t.problem_id = problem.id) "
                            + "AND NOT EXISTS (SELECT 1 FROM run_problem r WHERE r.problem_id = problem.id)");
        }
        return deleted > 0;
    }

    /** What the run's own tool computed for one problem (its {@code pred_maj@n}, {@code cov@n}, ...), as JSON. */
    public Optional<String> problemReference(long runId, long problemId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT reference_json FROM run_problem WHERE run_id = ? AND problem_id = ?")) {
            query.setLong(1, runId);
            query.setLong(2, problemId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private static Run run(ResultSet rows) throws SQLException {
        return new Run(
                rows.getLong("id"),
                rows.getString("name"),
                new RunSource(
                        rows.getString("source_path"),
                        rows.getString("source_format"),
                        rows.getString("source_sha256")),
                Instant.parse(rows.getString("imported_at")),
                rows.getString("model"),
                rows.getString("strategy"),
                JsonColumns.params(rows.getString("params_json")),
                Sql.longValue(rows, "parent_run_id"),
                rows.getString("grader"),
                rows.getString("notes"));
    }
}
