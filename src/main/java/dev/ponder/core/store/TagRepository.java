package dev.ponder.core.store;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Tags researchers put on samples and problems ("overthinking", "lucky guess", "grader error"). */
public final class TagRepository {
    private final Connection connection;

    TagRepository(Connection connection) {
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
                    found.computeIfAbsent(rows.getLong(1), id -> new TreeSet<>())
                            .add(rows.getString(2));
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
                    tags.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                            .add(rows.getString(2));
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
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM tag WHERE " + column + " = ? AND name = ?")) {
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

    /** A sample carrying a tag (itself or through its problem), with where it comes from and its notes. */
    public record TaggedSample(
            Sample sample,
            Problem problem,
            String run,
            String model,
            String strategy,
            String grader,
            List<String> tags,
            String note,
            String problemNote) {}

    /**
     * The samples tagged {@code tag} (of one run, or of all when {@code runId} is null), by run, problem, round and
     * index; each with all its tags and its problem's.
     */
    public void taggedSamples(String tag, Long runId, AnalysisRows.RowHandler<TaggedSample> rows) throws Exception {
        String columns = "s." + SampleRepository.COLUMNS.replace(", ", ", s.");
        try (PreparedStatement query = connection.prepareStatement("SELECT " + columns + ", r.name AS run_name, "
                + "r.model AS run_model, r.strategy AS run_strategy, r.grader AS run_grader, p.problem_key, p.dataset, "
                + "p.question, p.gold_answer, p.metadata_json, "
                + "(SELECT group_concat(name, '\u001f') FROM (SELECT name FROM tag WHERE sample_id = s.id "
                + "UNION SELECT name FROM tag WHERE problem_id = s.problem_id ORDER BY name)) AS tag_names, "
                + "(SELECT text FROM note WHERE sample_id = s.id) AS sample_note, "
                + "(SELECT text FROM note WHERE problem_id = s.problem_id) AS problem_note "
                + "FROM sample s JOIN run r ON r.id = s.run_id JOIN problem p ON p.id = s.problem_id "
                + "WHERE (s.id IN (SELECT sample_id FROM tag WHERE name = ?1 AND sample_id IS NOT NULL) "
                + "OR s.problem_id IN (SELECT problem_id FROM tag WHERE name = ?1 AND problem_id IS NOT NULL)) "
                + "AND (?2 IS NULL OR s.run_id = ?2) ORDER BY s.run_id, s.problem_id, s.round, s.sample_index")) {
            query.setString(1, tag);
            if (runId == null) {
                query.setNull(2, Types.INTEGER);
            } else {
                query.setLong(2, runId);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Sample sample = SampleRepository.sample(row);
                    Problem problem = new Problem(
                            sample.problemId(),
                            row.getString("problem_key"),
                            row.getString("dataset"),
                            row.getString("question"),
                            row.getString("gold_answer"),
                            row.getString("metadata_json"));
                    String names = row.getString("tag_names");
                    rows.accept(new TaggedSample(
                            sample,
                            problem,
                            row.getString("run_name"),
                            row.getString("run_model"),
                            row.getString("run_strategy"),
                            row.getString("run_grader"),
                            names == null ? List.of() : List.of(names.split("\u001f")),
                            row.getString("sample_note"),
                            row.getString("problem_note")));
                }
            }
        }
    }
}
