package dev.ponder.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes the samples carrying a tag as JSONL, one self-contained record per line, for a dataset of cases
 * ("overthinking", "grader error"): where the sample comes from (run, model, strategy, problem), the question and
 * gold answer, the whole trace and its answer, verdict, tokens, all its tags and its note. A sample counts as tagged
 * when it carries the tag itself or its problem does. Written to a temporary file and moved into place.
 */
public final class TaggedSampleExporter {
    private static final String QUERY = "SELECT s.id, r.id, r.name, r.model, r.strategy, r.grader, p.problem_key, "
            + "p.dataset, p.question, p.gold_answer, s.sample_index, s.round, s.text, s.answer_text, s.extracted_answer, "
            + "s.correct, s.tokens_total, s.tokens_thinking, s.finish_reason, s.score, "
            + "(SELECT group_concat(name, '\u001f') FROM (SELECT name FROM tag WHERE sample_id = s.id "
            + "UNION SELECT name FROM tag WHERE problem_id = s.problem_id ORDER BY name)), "
            + "(SELECT text FROM note WHERE sample_id = s.id), (SELECT text FROM note WHERE problem_id = s.problem_id) "
            + "FROM sample s JOIN run r ON r.id = s.run_id JOIN problem p ON p.id = s.problem_id "
            + "WHERE (s.id IN (SELECT sample_id FROM tag WHERE name = ?1 AND sample_id IS NOT NULL) "
            + "OR s.problem_id IN (SELECT problem_id FROM tag WHERE name = ?1 AND problem_id IS NOT NULL)) "
            + "AND (?2 IS NULL OR s.run_id = ?2) ORDER BY s.run_id, s.problem_id, s.round, s.sample_index";

    private final Workspace workspace;

    public TaggedSampleExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Writes the samples tagged {@code tag} (of one run, or of all when {@code runId} is null) to {@code out};
     * returns how many were written.
     */
    public long export(String tag, Long runId, Path out, TaskContext context) {
        return workspace.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(QUERY)) {
                query.setString(1, tag.strip());
                if (runId == null) {
                    query.setNull(2, java.sql.Types.INTEGER);
                } else {
                    query.setLong(2, runId);
                }
                try (ResultSet rows = query.executeQuery()) {
                    return JsonLinesFile.write(out, json -> {
                        long count = 0;
                        try {
                            while (rows.next()) {
                                write(json, rows);
                                json.writeRaw('\n');
                                if (++count % 256 == 0) {
                                    context.checkCancelled();
                                }
                            }
                        } catch (SQLException e) {
                            throw new IOException("cannot read the tagged samples: " + e.getMessage(), e);
                        }
                        return count;
                    });
                }
            }
        });
    }

    private static void write(JsonGenerator json, ResultSet rows) throws IOException, SQLException {
        json.writeStartObject();
        json.writeNumberField("sample_id", rows.getLong(1));
        json.writeNumberField("run_id", rows.getLong(2));
        json.writeStringField("run", rows.getString(3));
        json.writeStringField("model", rows.getString(4));
        json.writeStringField("strategy", rows.getString(5));
        json.writeStringField("grader", rows.getString(6));
        json.writeStringField("problem_key", rows.getString(7));
        json.writeStringField("dataset", rows.getString(8));
        json.writeStringField("question", rows.getString(9));
        json.writeStringField("gold_answer", rows.getString(10));
        json.writeNumberField("sample_index", rows.getInt(11));
        json.writeNumberField("round", rows.getInt(12));
        json.writeStringField("text", rows.getString(13));
        json.writeStringField("answer_text", rows.getString(14));
        json.writeStringField("extracted_answer", rows.getString(15));
        int correct = rows.getInt(16);
        writeNullable(json, "correct", rows.wasNull() ? null : correct != 0);
        writeNullable(json, "tokens_total", rows.getObject(17));
        writeNullable(json, "tokens_thinking", rows.getObject(18));
        json.writeStringField("finish_reason", rows.getString(19));
        writeNullable(json, "score", rows.getObject(20));
        json.writeArrayFieldStart("tags");
        String tags = rows.getString(21);
        if (tags != null) {
            for (String name : tags.split("\u001f")) {
                json.writeString(name);
            }
        }
        json.writeEndArray();
        json.writeStringField("note", rows.getString(22));
        json.writeStringField("problem_note", rows.getString(23));
        json.writeEndObject();
        json.flush();
    }

    private static void writeNullable(JsonGenerator json, String field, Object value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else if (value instanceof Boolean flag) {
            json.writeBooleanField(field, flag);
        } else if (value instanceof Double real) {
            json.writeNumberField(field, real);
        } else {
            json.writeNumberField(field, ((Number) value).longValue());
        }
    }
}
