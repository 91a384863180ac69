package dev.ponder.core.store;

import dev.ponder.core.model.TreeNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the search-tree nodes of a run's problem. */
public final class TreeNodeRepository {
    private final Connection connection;

    TreeNodeRepository(Connection connection) {
        this.connection = connection;
    }

    /** The nodes of one problem's tree in a run, in insertion order (parents of a well-formed file first). */
    public List<TreeNode> ofProblem(long runId, long problemId) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT id, run_id, problem_id, parent_id, node_key, "
                        + "iteration, step_text, value, visits, prior, reward, terminal, pruned, answer, correct, meta_json "
                        + "FROM tree_node WHERE run_id = ? AND problem_id = ? ORDER BY id")) {
            query.setLong(1, runId);
            query.setLong(2, problemId);
            List<TreeNode> nodes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    nodes.add(node(rows));
                }
            }
            return nodes;
        }
    }

    static TreeNode node(ResultSet rows) throws SQLException {
        return new TreeNode(
                rows.getLong("id"),
                rows.getLong("run_id"),
                rows.getLong("problem_id"),
                Sql.longValue(rows, "parent_id"),
                rows.getString("node_key"),
                Sql.integer(rows, "iteration"),
                rows.getString("step_text"),
                Sql.real(rows, "value"),
                Sql.integer(rows, "visits"),
                Sql.real(rows, "prior"),
                Sql.real(rows, "reward"),
                rows.getInt("terminal") != 0,
                rows.getInt("pruned") != 0,
                rows.getString("answer"),
                Sql.bool(rows, "correct"),
                rows.getString("meta_json"));
    }

    /** Whether the run recorded a search tree for the problem. */
    public boolean exists(long runId, long problemId) throws SQLException {
        return Sql.exists(
                connection, "SELECT 1 FROM tree_node WHERE run_id = ? AND problem_id = ? LIMIT 1", runId, problemId);
    }

    /** The problem of the run's first recorded tree node, if it has one. */
    public Optional<Long> firstProblem(long runId) throws SQLException {
        return Sql.firstLong(
                connection, "SELECT problem_id FROM tree_node WHERE run_id = ? ORDER BY id LIMIT 1", runId);
    }
}
