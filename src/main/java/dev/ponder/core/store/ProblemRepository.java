package dev.ponder.core.store;

import dev.ponder.core.model.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Problems, shared by the runs that attempt them. */
public final class ProblemRepository {
    private static final String COLUMNS = "p.id, p.problem_key, p.dataset, p.question, p.gold_answer, p.metadata_json";

    private final Connection connection;

    ProblemRepository(Connection connection) {
        this.connection = connection;
    }

    public Optional<Problem> findByKey(String key) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM problem p WHERE p.problem_key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(problem(rows)) : Optional.empty();
            }
        }
    }

    /** The problems a run has samples or tree nodes for, in key order. */
    /** The problems with these ids, in the ids' order; ids not found are left out. */
    public List<Problem> byIds(long[] ids) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT " + COLUMNS + " FROM problem p WHERE p.id = ?")) {
            List<Problem> problems = new ArrayList<>(ids.length);
            for (long id : ids) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        problems.add(problem(rows));
                    }
                }
            }
            return problems;
        }
    }

    public List<Problem> ofRun(long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM problem p "
                + "WHERE p.id IN (SELECT problem_id FROM sample WHERE run_id = ?1 "
                + "UNION SELECT problem_id FROM tree_node WHERE run_id = ?1) ORDER BY p.problem_key")) {
            query.setLong(1, runId);
            List<Problem> problems = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    problems.add(problem(rows));
                }
            }
            return problems;
        }
    }

    private static Problem problem(ResultSet rows) throws SQLException {
        return new Problem(
                rows.getLong("id"),
                rows.getString("problem_key"),
                rows.getString("dataset"),
                rows.getString("question"),
                rows.getString("gold_answer"),
                rows.getString("metadata_json"));
    }
}
