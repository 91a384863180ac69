package dev.ponder.core.export;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.store.SampleRepository;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.store.WorkspaceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A run in lm-evaluation-harness's {@code --log_samples} format as s1's fork writes it: one line per problem with
 * {@code doc}, {@code target}, {@code arguments}, all responses in {@code resps: [[r1..rN]]}, the first response in
 * {@code filtered_resps}, its 0/1 {@code exact_match}, and per response {@code extracted_answers},
 * {@code exact_matches}, {@code tok}, {@code tok_think} and {@code too_long}. A thinking budget goes to
 * {@code arguments...max_tokens_thinking}, as s1 passes it. Round 0 and 1 samples only: the format has no rounds.
 */
public final class LmEvalExporter {
    private final Workspace workspace;

    public LmEvalExporter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Writes the run; returns the number of responses written. */
    public long export(long runId, Path out) {
        return workspace.read(tables -> {
            Run run = tables.runs()
                    .find(runId)
                    .orElseThrow(() -> new WorkspaceException(
                            WorkspaceException.Reason.FAILED,
                            workspace.file(),
                            "There is no run " + runId + " in this workspace."));
            List<Problem> problems = tables.problems().ofRun(runId);
            SampleRepository samples = tables.samples();
            return JsonLinesFile.write(out, json -> {
                long written = 0;
                int docId = 0;
                for (Problem problem : problems) {
                    List<Sample> all;
                    try {
                        all = samples.ofProblem(runId, problem.id()).stream()
                                .filter(s -> s.round() <= 1)
                                .toList();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new WorkspaceException(
                                WorkspaceException.Reason.FAILED,
                                workspace.file(),
                                "Cannot read run " + runId + ": " + e.getMessage(),
                                e);
                    }
                    if (all.isEmpty()) {
                        continue;
                    }
                    document(json, docId++, problem, run, all);
                    written += all.size();
                }
                return written;
            });
        });
    }

    private static void document(JsonGenerator json, int docId, Problem problem, Run run, List<Sample> samples)
            throws IOException {
        json.writeStartObject();
        json.writeNumberField("doc_id", docId);
        json.writeObjectFieldStart("doc");
        json.writeStringField("id", problem.key());
        json.writeStringField("problem", problem.question());
        if (problem.goldAnswer() != null) {
            json.writeStringField("answer", problem.goldAnswer());
        }
        json.writeEndObject();
        json.writeStringField("target", problem.goldAnswer() == null ? "" : problem.goldAnswer());
        json.writeObjectFieldStart("arguments");
        json.writeObjectFieldStart("gen_args_0");
        json.writeStringField("arg_0", problem.question());
        json.writeObjectFieldStart("arg_1");
        for (String[] names : new String[][] {
            {"temperature", "temperature"},
            {"top_p", "top_p"},
            {"seed", "seed"},
            {"budget", "max_tokens_thinking"},
            {"extensions", "thinking_n_ignore"},
            {"wait_word", "thinking_n_ignore_str"}
        }) {
            String value = run.params().get(names[0]);
            if (value != null) {
                json.writeStringField(names[1], value);
            }
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("resps");
        json.writeStartArray();
        for (Sample s : samples) {
            json.writeString(s.text());
        }
        json.writeEndArray();
        json.writeEndArray();
        json.writeArrayFieldStart("filtered_resps");
        json.writeString(samples.get(0).text());
        json.writeEndArray();
        json.writeStringField("filter", "none");
        json.writeArrayFieldStart("metrics");
        json.writeString("exact_match");
        json.writeString("extracted_answers");
        json.writeEndArray();
        json.writeNumberField("exact_match", Boolean.TRUE.equals(samples.get(0).correct()) ? 1 : 0);
        json.writeArrayFieldStart("extracted_answers");
        for (Sample s : samples) {
            json.writeString(s.answer().extracted() == null ? "" : s.answer().extracted());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("exact_matches");
        for (Sample s : samples) {
            if (s.correct() == null) {
                json.writeNull();
            } else {
                json.writeNumber(s.correct() ? 1 : 0);
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("tok");
        for (Sample s : samples) {
            number(json, s.tokens().total());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("tok_think");
        for (Sample s : samples) {
            number(json, s.tokens().thinking());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("too_long");
        for (Sample s : samples) {
            json.writeBoolean(s.truncated() || "length".equals(s.finishReason()));
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private static void number(JsonGenerator json, Integer value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }
}
