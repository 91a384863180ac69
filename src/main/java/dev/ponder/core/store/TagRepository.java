package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Tags researchers put on samples and problems ("overthinking", "lucky guess", "grader error"). */
public final class TagRepository {
    private final Connection connection;

    public TagRepository(Connection connection) {
        this.connection = connection;
    }

    /** Tags a sample; tagging it twice with the same name is harmless. */
    public void tagSample(long sampleId, String name) throws SQLException {
        tag("sample_id", sampleId, name);
    }

    /** Tags a problem, in every run that attempts it. */
    public void tagProblem(long problemId, String name) throws SQLException {
        tag("problem_id", problemId, name);
    }

    public void untagSample(long sampleId, String name) throws SQLException {
        untag("sample_id", sampleId, name);
    }

    public void untagProblem(long problemId, String name) throws SQLException {
        untag("problem_id", problemId, name);
    }

    public List<String> tagsOfSample(long sampleId) throws SQLException {
        return names("SELECT name FROM tag WHERE sample_id = ? ORDER BY name", sampleId);
    }

    public List<String> tagsOfProblem(long problemId) throws SQLException {
        return names("SELECT name FROM tag WHERE problem_id = ? ORDER BY name", problemId);
    }

    /** Every tag name used in the workspace, sorted. */
    public List<String> allNames() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT name FROM tag ORDER BY name")) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }

    /** Each problem of the run with its tags and its samples' tags in this run, sorted; problems without none. */
    public Map<Long, List<String>> tagsByProblemOfRun(long runId) throws SQLException {
        Map<Long, TreeSet<String>> found = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT s.problem_id, t.name FROM tag t "
                + "JOIN sample s ON s.id = t.sample_id WHERE s.run_id = ? UNION SELECT t.problem_id, t.name FROM tag t "
                + "WHERE t.problem_id IS NOT NULL AND EXISTS (SELECT 1 FROM sample s WHERE s.run_id = ? "
                + "AND s.problem_id = t.problem_id)")) {
            query.setLong(1, runId);
            query.setLong(2, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.computeIfAbsent(rows.getLong(1), id -> new TreeSet<>()).add(rows.getString(2));
                }
            }
        }
        Map<Long, List<String>> tags = new HashMap<>();
        found.forEach((problem, names) -> tags.put(problem, List.copyOf(names)));
        return tags;
    }

    /** The tags of each tagged sample of one problem in one run. */
    public Map<Long, List<String>> tagsBySampleOfProblem(long runId, long problemId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT t.sample_id, t.name FROM tag t "
                + "JOIN sample s ON s.id = t.sample_id WHERE s.run_id = ? AND s.problem_id = ? ORDER BY t.name")) {
            query.setLong(1, runId);
            query.setLong(2, problemId);
            Map<Long, List<String>> tags = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tags.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            return tags;
        }
    }

    private void tag(String column, long id, String name) throws SQLException {
        String tag = name.strip();
        if (tag.isEmpty()) {
            throw new IllegalArgumentException("a tag needs a name");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tag(name, " + column + ", created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, tag);
            insert.setLong(2, id);
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    private void untag(String column, long id, String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tag WHERE " + column
                + " = ? AND name = ?")) {
            delete.setLong(1, id);
            delete.setString(2, name.strip());
            delete.executeUpdate();
        }
    }

    private List<String> names(String sql, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, id);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }
}
