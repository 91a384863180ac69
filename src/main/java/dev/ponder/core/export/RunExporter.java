package dev.ponder.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ponder.core.ingest.read.PonderJsonlReader;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.TreeNode;
import dev.ponder.core.store.RunRows;
import dev.ponder.core.store.RunRows.ProblemReference;
import dev.ponder.core.store.RunRows.StoredNode;
import dev.ponder.core.store.RunRows.StoredSample;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.store.WorkspaceException;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes a run in Ponder's own format ({@code ponder-jsonl}, documented in docs/formats.md) so that importing the
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
        return workspace.read(tables -> {
            Run run = tables.runs()
                    .find(runId)
                    .orElseThrow(() -> new WorkspaceException(
                            WorkspaceException.Reason.FAILED,
                            workspace.file(),
                            "There is no run " + runId + " in this workspace."));
            RunRows rows = tables.runRows();
            return JsonLinesFile.write(out, json -> {
                try {
                    header(json, run);
                    rows.problems(runId, problem -> problem(json, problem));
                    long written = samples(json, rows, runId, context);
                    rows.treeNodes(runId, node -> treeNode(json, node));
                    rows.problemReferences(runId, reference -> reference(json, reference));
                    return written;
                } catch (IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new WorkspaceException(
                            WorkspaceException.Reason.FAILED,
                            workspace.file(),
                            "Cannot read run " + runId + ": " + e.getMessage(),
                            e);
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

    private static void problem(JsonGenerator json, Problem problem) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "problem");
        json.writeStringField("key", problem.key());
        optional(json, "dataset", problem.dataset());
        optional(json, "question", problem.question());
        optional(json, "gold", problem.goldAnswer());
        rawObject(json, "metadata", problem.metadataJson());
        json.writeEndObject();
        line(json);
    }

    private static long samples(JsonGenerator json, RunRows rows, long runId, TaskContext context) throws Exception {
        Set<Long> parents = rows.parentSamples(runId);
        long[] count = {0};
        rows.samples(runId, stored -> {
            sample(json, stored, parents);
            if (++count[0] % 1024 == 0) {
                context.checkCancelled();
                context.message(String.format("Exporting: %,d samples", count[0]));
            }
        });
        return count[0];
    }

    private static void sample(JsonGenerator json, StoredSample stored, Set<Long> parents) throws IOException {
        Sample sample = stored.sample();
        json.writeStartObject();
        json.writeStringField("type", "sample");
        if (parents.contains(sample.id())) {
            json.writeStringField("id", String.valueOf(sample.id()));
        }
        json.writeStringField("problem", stored.problemKey());
        json.writeNumberField("index", sample.index());
        json.writeNumberField("round", sample.round());
        json.writeStringField("text", sample.text());
        if (sample.thinking() != null) {
            json.writeObjectFieldStart("thinking");
            json.writeNumberField("start", sample.thinking().start());
            json.writeNumberField("end", sample.thinking().end());
            json.writeEndObject();
        }
        json.writeBooleanField("truncated", sample.truncated());
        json.writeObjectFieldStart("answer");
        optional(json, "text", sample.answer().text());
        optional(json, "extracted", sample.answer().extracted());
        optional(json, "key", sample.answer().key());
        json.writeEndObject();
        if (sample.correct() == null) {
            json.writeNullField("correct");
        } else {
            json.writeBooleanField("correct", sample.correct());
        }
        if (stored.fileCorrect() != null) {
            json.writeBooleanField("file_correct", stored.fileCorrect());
        }
        json.writeObjectFieldStart("tokens");
        optional(json, "total", sample.tokens().total());
        optional(json, "thinking", sample.tokens().thinking());
        json.writeBooleanField("estimated", sample.tokens().estimated());
        json.writeEndObject();
        optional(json, "finish_reason", sample.finishReason());
        optional(json, "score", sample.score());
        optional(json, "budget", sample.budget());
        if (sample.parentSampleId() != null) {
            json.writeStringField("parent", String.valueOf(sample.parentSampleId()));
        }
        if (!stored.steps().isEmpty()) {
            json.writeArrayFieldStart("steps");
            for (Step step : stored.steps()) {
                json.writeStartObject();
                json.writeNumberField("start", step.charStart());
                json.writeNumberField("end", step.charEnd());
                optional(json, "score", step.score());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        if (!stored.segments().isEmpty()) {
            json.writeArrayFieldStart("segments");
            for (Segment segment : stored.segments()) {
                json.writeStartObject();
                json.writeStringField("kind", segment.kind().code());
                json.writeNumberField("start", segment.charStart());
                json.writeNumberField("end", segment.charEnd());
                optional(json, "detail", segment.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        rawObject(json, "meta", sample.metaJson());
        json.writeEndObject();
        line(json);
    }

    private static void treeNode(JsonGenerator json, StoredNode stored) throws IOException {
        TreeNode node = stored.node();
        json.writeStartObject();
        json.writeStringField("type", "tree_node");
        json.writeStringField("id", "n" + node.id());
        json.writeStringField("problem", stored.problemKey());
        if (node.parentId() != null) {
            json.writeStringField("parent", "n" + node.parentId());
        }
        optional(json, "key", node.nodeKey());
        optional(json, "iteration", node.iteration());
        optional(json, "step_text", node.stepText());
        optional(json, "value", node.value());
        optional(json, "prior", node.prior());
        optional(json, "reward", node.reward());
        optional(json, "visits", node.visits());
        json.writeBooleanField("terminal", node.terminal());
        json.writeBooleanField("pruned", node.pruned());
        optional(json, "answer", node.answer());
        if (node.correct() != null) {
            json.writeBooleanField("correct", node.correct());
        }
        rawObject(json, "meta", node.metaJson());
        json.writeEndObject();
        line(json);
    }

    private static void reference(JsonGenerator json, ProblemReference reference) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "problem_reference");
        json.writeStringField("problem", reference.problemKey());
        rawObject(json, "reference", reference.json());
        json.writeEndObject();
        line(json);
    }

    private static void optional(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static void optional(JsonGenerator json, String field, Integer value) throws IOException {
        if (value != null) {
            json.writeNumberField(field, value);
        }
    }

    private static void optional(JsonGenerator json, String field, Double value) throws IOException {
        if (value != null) {
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
}
