package dev.ponder.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ponder.core.model.Sample;
import dev.ponder.core.store.TagRepository.TaggedSample;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the samples carrying a tag as JSONL, one self-contained record per line, for a dataset of cases
 * ("overthinking", "grader error"): where the sample comes from (run, model, strategy, problem), the question and
 * gold answer, the whole trace and its answer, verdict, tokens, all its tags and its note. A sample counts as tagged
 * when it carries the tag itself or its problem does. Written to a temporary file and moved into place.
 */
public final class TaggedSampleExporter {
    private final Workspace workspace;

    public TaggedSampleExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * Writes the samples tagged {@code tag} (of one run, or of all when {@code runId} is null) to {@code out};
     * returns how many were written.
     */
    public long export(String tag, Long runId, Path out, TaskContext context) {
        return workspace.read(tables -> JsonLinesFile.write(out, json -> {
            long[] count = {0};
            try {
                tables.tags().taggedSamples(tag.strip(), runId, sample -> {
                    write(json, sample);
                    json.writeRaw('\n');
                    if (++count[0] % 256 == 0) {
                        context.checkCancelled();
                    }
                });
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("cannot read the tagged samples: " + e.getMessage(), e);
            }
            return count[0];
        }));
    }

    private static void write(JsonGenerator json, TaggedSample tagged) throws IOException {
        Sample sample = tagged.sample();
        json.writeStartObject();
        json.writeNumberField("sample_id", sample.id());
        json.writeNumberField("run_id", sample.runId());
        json.writeStringField("run", tagged.run());
        json.writeStringField("model", tagged.model());
        json.writeStringField("strategy", tagged.strategy());
        json.writeStringField("grader", tagged.grader());
        json.writeStringField("problem_key", tagged.problem().key());
        json.writeStringField("dataset", tagged.problem().dataset());
        json.writeStringField("question", tagged.problem().question());
        json.writeStringField("gold_answer", tagged.problem().goldAnswer());
        json.writeNumberField("sample_index", sample.index());
        json.writeNumberField("round", sample.round());
        json.writeStringField("text", sample.text());
        json.writeStringField("answer_text", sample.answer().text());
        json.writeStringField("extracted_answer", sample.answer().extracted());
        writeNullable(json, "correct", sample.correct());
        writeNullable(json, "tokens_total", sample.tokens().total());
        writeNullable(json, "tokens_thinking", sample.tokens().thinking());
        json.writeStringField("finish_reason", sample.finishReason());
        writeNullable(json, "score", sample.score());
        json.writeArrayFieldStart("tags");
        for (String name : tagged.tags()) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeStringField("note", tagged.note());
        json.writeStringField("problem_note", tagged.problemNote());
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
