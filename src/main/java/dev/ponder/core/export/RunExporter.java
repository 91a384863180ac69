package dev.ponder.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ponder.core.ingest.PonderJsonlReader;
import dev.ponder.core.model.Run;
import dev.ponder.core.store.RunRepository;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.store.WorkspaceException;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes a run in Ponder's own format ({@code ponder-jsonl}, documented in the README) so that importing the
 * file gives the same rows: the run with its origin, its problems, samples with steps and segments and the
 * links between rounds, tree nodes, and the per-problem reference values of the run's own tool. Streams in
 * one pass over the run; written to a temporary file and moved into place, so a failed export leaves nothing.
 */
public final class RunExporter {

    private final Workspace workspace;

    public RunExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Writes the run to {@code out}; returns the number of samples written. */
    public long export(long runId, Path out, TaskContext context) {
        return workspace.read(connection -> {
            Run run = new RunRepository(connection).find(runId).orElseThrow(() -> new WorkspaceException(
                    WorkspaceException.Reason.FAILED, workspace.file(), "There is no run " + runId + " in this workspace."));
            return JsonLinesFile.write(out, json -> {
                try {
                    header(json, run);
                    problems(json, connection, runId);
                    long written = samples(json, connection, runId, context);
                    treeNodes(json, connection, runId);
                    references(json, connection, runId);
                    return written;
                } catch (SQLException e) {
                    throw new WorkspaceException(WorkspaceException.Reason.FAILED, workspace.file(),
                            "Cannot read run " + runId + ": " + e.getMessage(), e);
                }
            });
        });
    }

    private static void header(JsonGenerator json, Run run) throws IOException {
        json.writeStartObject();
        json.writeStringField("format", PonderJsonlReader.MARKER);
        json.writeNumberField("version", PonderJsonlReader.VERSION);
        json.writeObjectFieldStart("run");
        json.writeStringField("name", run.name());
        optional(json, "model", run.model());
        optional(json, "strategy", run.strategy());
        json.writeObjectFieldStart("params");
        for (var parameter : run.params().entrySet()) {
            json.writeStringField(parameter.getKey(), parameter.getValue());
        }
        json.writeEndObject();
        optional(json, "grader", run.grader());
        optional(json, "notes", run.notes());
        json.writeObjectFieldStart("origin");
        optional(json, "path", run.source().path());
        json.writeStringField("format", run.source().format());
        optional(json, "sha256", run.source().sha256());
        json.writeStringField("imported_at", run.importedAt().toString());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        line(json);
    }

    private static void problems(JsonGenerator json, Connection connection, long runId) throws SQLException, IOException {
        try (PreparedStatement query = connection.prepareStatement("SELECT problem_key, dataset, question, gold_answer, "
                + "metadata_json FROM problem WHERE id IN (SELECT problem_id FROM sample WHERE run_id = ?1 UNION "
                + "SELECT problem_id FROM tree_node WHERE run_id = ?1 UNION SELECT problem_id FROM run_problem WHERE "
                + "run_id = ?1) ORDER BY id")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    json.writeStartObject();
                    json.writeStringField("type", "problem");
                    json.writeStringField("key", rows.getString("problem_key"));
                    optional(json, "dataset", rows.getString("dataset"));
                    optional(json, "question", rows.getString("question"));
                    optional(json, "gold", rows.getString("gold_answer"));
                    rawObject(json, "metadata", rows.getString("metadata_json"));
                    json.writeEndObject();
                    line(json);
                }
            }
        }
    }

    private static long samples(JsonGenerator json, Connection connection, long runId, TaskContext context)
            throws SQLException, IOException {
        Set<Long> parents = parents(connection, runId);
        String sql = "SELECT s.id, p.problem_key, s.sample_index, s.round, s.text, s.think_start, s.think_end, s.truncated, "
                + "s.answer_text, s.extracted_answer, s.answer_key, s.correct, s.tokens_total, s.tokens_thinking, "
                + "s.tokens_estimated, s.finish_reason, s.score, s.budget, s.parent_sample_id, s.meta_json, s.file_correct "
                + "FROM sample s JOIN problem p ON p.id = s.problem_id WHERE s.run_id = ? ORDER BY s.id";
        long count = 0;
        try (PreparedStatement query = connection.prepareStatement(sql);
             Children steps = new Children(connection, "SELECT sample_id, char_start, char_end, score FROM step "
                     + "WHERE sample_id IN (SELECT id FROM sample WHERE run_id = ?) ORDER BY sample_id, step_index", runId);
             Children segments = new Children(connection, "SELECT sample_id, kind, char_start, char_end, detail FROM segment "
                     + "WHERE sample_id IN (SELECT id FROM sample WHERE run_id = ?) ORDER BY sample_id, segment_index", runId)) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    json.writeStartObject();
                    json.writeStringField("type", "sample");
                    if (parents.contains(id)) {
                        json.writeStringField("id", String.valueOf(id));
                    }
                    json.writeStringField("problem", rows.getString("problem_key"));
                    json.writeNumberField("index", rows.getInt("sample_index"));
                    json.writeNumberField("round", rows.getInt("round"));
                    json.writeStringField("text", rows.getString("text"));
                    int thinkStart = rows.getInt("think_start");
                    if (!rows.wasNull()) {
                        json.writeObjectFieldStart("thinking");
                        json.writeNumberField("start", thinkStart);
                        json.writeNumberField("end", rows.getInt("think_end"));
                        json.writeEndObject();
                    }
                    json.writeBooleanField("truncated", rows.getInt("truncated") != 0);
                    json.writeObjectFieldStart("answer");
                    optional(json, "text", rows.getString("answer_text"));
                    optional(json, "extracted", rows.getString("extracted_answer"));
                    optional(json, "key", rows.getString("answer_key"));
                    json.writeEndObject();
                    int correct = rows.getInt("correct");
                    if (rows.wasNull()) {
                        json.writeNullField("correct");
                    } else {
                        json.writeBooleanField("correct", correct != 0);
                    }
                    int fileCorrect = rows.getInt("file_correct");
                    if (!rows.wasNull()) {
                        json.writeBooleanField("file_correct", fileCorrect != 0);
                    }
                    json.writeObjectFieldStart("tokens");
                    optionalInt(json, rows, "total", "tokens_total");
                    optionalInt(json, rows, "thinking", "tokens_thinking");
                    json.writeBooleanField("estimated", rows.getInt("tokens_estimated") != 0);
                    json.writeEndObject();
                    optional(json, "finish_reason", rows.getString("finish_reason"));
                    double score = rows.getDouble("score");
                    if (!rows.wasNull()) {
                        json.writeNumberField("score", score);
                    }
                    optionalInt(json, rows, "budget", "budget");
                    long parent = rows.getLong("parent_sample_id");
                    if (!rows.wasNull()) {
                        json.writeStringField("parent", String.valueOf(parent));
                    }
                    steps.write(json, id, "steps", (out, row) -> {
                        out.writeNumberField("start", row.getInt("char_start"));
                        out.writeNumberField("end", row.getInt("char_end"));
                        double stepScore = row.getDouble("score");
                        if (!row.wasNull()) {
                            out.writeNumberField("score", stepScore);
                        }
                    });
                    segments.write(json, id, "segments", (out, row) -> {
                        out.writeStringField("kind", row.getString("kind"));
                        out.writeNumberField("start", row.getInt("char_start"));
                        out.writeNumberField("end", row.getInt("char_end"));
                        optional(out, "detail", row.getString("detail"));
                    });
                    rawObject(json, "meta", rows.getString("meta_json"));
                    json.writeEndObject();
                    line(json);
                    if (++count % 1024 == 0) {
                        context.checkCancelled();
                        context.message(String.format("Exporting: %,d samples", count));
                    }
                }
            }
        }
        return count;
    }

    private static void treeNodes(JsonGenerator json, Connection connection, long runId) throws SQLException, IOException {
        try (PreparedStatement query = connection.prepareStatement("SELECT t.id, p.problem_key, t.parent_id, t.node_key, "
                + "t.iteration, t.step_text, t.value, t.visits, t.prior, t.reward, t.terminal, t.pruned, t.answer, t.correct, "
                + "t.meta_json FROM tree_node t JOIN problem p ON p.id = t.problem_id WHERE t.run_id = ? ORDER BY t.id")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    json.writeStartObject();
                    json.writeStringField("type", "tree_node");
                    json.writeStringField("id", "n" + rows.getLong("id"));
                    json.writeStringField("problem", rows.getString("problem_key"));
                    long parent = rows.getLong("parent_id");
                    if (!rows.wasNull()) {
                        json.writeStringField("parent", "n" + parent);
                    }
                    optional(json, "key", rows.getString("node_key"));
                    optionalInt(json, rows, "iteration", "iteration");
                    optional(json, "step_text", rows.getString("step_text"));
                    for (String field : new String[]{"value", "prior", "reward"}) {
                        double value = rows.getDouble(field);
                        if (!rows.wasNull()) {
                            json.writeNumberField(field, value);
                        }
                    }
                    optionalInt(json, rows, "visits", "visits");
                    json.writeBooleanField("terminal", rows.getInt("terminal") != 0);
                    json.writeBooleanField("pruned", rows.getInt("pruned") != 0);
                    optional(json, "answer", rows.getString("answer"));
                    int correct = rows.getInt("correct");
                    if (!rows.wasNull()) {
                        json.writeBooleanField("correct", correct != 0);
                    }
                    rawObject(json, "meta", rows.getString("meta_json"));
                    json.writeEndObject();
                    line(json);
                }
            }
        }
    }

    private static void references(JsonGenerator json, Connection connection, long runId) throws SQLException, IOException {
        try (PreparedStatement query = connection.prepareStatement("SELECT p.problem_key, r.reference_json FROM run_problem r "
                + "JOIN problem p ON p.id = r.problem_id WHERE r.run_id = ? ORDER BY r.problem_id")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    json.writeStartObject();
                    json.writeStringField("type", "problem_reference");
                    json.writeStringField("problem", rows.getString(1));
                    rawObject(json, "reference", rows.getString(2));
                    json.writeEndObject();
                    line(json);
                }
            }
        }
    }

    private static Set<Long> parents(Connection connection, long runId) throws SQLException {
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

    private static void optional(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static void optionalInt(JsonGenerator json, ResultSet rows, String field, String column)
            throws IOException, SQLException {
        int value = rows.getInt(column);
        if (!rows.wasNull()) {
            json.writeNumberField(field, value);
        }
    }

    /** Writes a JSON column as the object it holds, not as a string. */
    private static void rawObject(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeFieldName(field);
            json.writeRawValue(value);
        }
    }

    private static void line(JsonGenerator json) throws IOException {
        json.writeRaw('\n');
    }

    /** Writes the rows of one child table for a sample. */
    private interface RowWriter {
        void write(JsonGenerator json, ResultSet row) throws IOException, SQLException;
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

        void write(JsonGenerator json, long sampleId, String field, RowWriter writer) throws SQLException, IOException {
            boolean started = false;
            while (hasRow && rows.getLong("sample_id") <= sampleId) {
                if (rows.getLong("sample_id") == sampleId) {
                    if (!started) {
                        json.writeArrayFieldStart(field);
                        started = true;
                    }
                    json.writeStartObject();
                    writer.write(json, rows);
                    json.writeEndObject();
                }
                hasRow = rows.next();
            }
            if (started) {
                json.writeEndArray();
            }
        }

        @Override
        public void close() throws SQLException {
            rows.close();
            query.close();
        }
    }
}
