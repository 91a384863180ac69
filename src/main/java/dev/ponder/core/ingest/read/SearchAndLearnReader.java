package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.json.JsonLists;
import dev.ponder.core.ingest.json.JsonRecords;
import dev.ponder.core.ingest.record.ProblemKeys;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleDraft;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face search-and-learn outputs (best-of-N, beam search, DVTS): one record per problem with
 * {@code completions[]} and {@code scores[][]}, the per-step PRM scores of each completion's
 * blank-line-separated steps. A completion's score is its last step's, as search-and-learn aggregates.
 * {@code completion_tokens} may be missing or {@code -1} (unknown). The tool's own
 * {@code pred_weighted@n}, {@code pred_maj@n}, {@code pred_naive@n} are kept as reference values.
 */
public final class SearchAndLearnReader extends JsonRunReader {
    public static final String FORMAT = "search-and-learn";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "HF search-and-learn completions with PRM scores (JSONL, JSON)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has("completions", "scores");
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, null, Map.of(), null, null));
        JsonRecords.each(in, context.fileName(), sink, (record, key, location) -> {
            String question = JsonLists.firstText(record, "problem", "question");
            String gold = JsonLists.firstText(record, "answer");
            String problemKey = ProblemKeys.of(question, null, JsonLists.firstText(record, "unique_id", "id"));
            ObjectNode metadata = Json.MAPPER.createObjectNode();
            for (String field : List.of("unique_id", "subject", "level", "solution")) {
                if (record.hasNonNull(field)) {
                    metadata.set(field, record.get(field));
                }
            }
            List<String> completions = JsonLists.requiredTexts(record, "completions");
            sink.problem(
                    new Problem(0, problemKey, null, question, gold, metadata.isEmpty() ? null : metadata.toString()));
            JsonNode scores = record.get("scores");
            List<Integer> tokens = JsonLists.integers(record.get("completion_tokens"));
            for (int i = 0; i < completions.size(); i++) {
                List<Double> stepScores =
                        scores != null && scores.has(i) ? JsonLists.numbers(scores.get(i)) : List.of();
                sink.sample(context.enricher()
                        .enrich(
                                SampleDraft.of(problemKey, completions.get(i))
                                        .index(i)
                                        .stepScores(present(stepScores))
                                        .totalTokens(JsonLists.at(tokens, i)),
                                gold));
            }
            ObjectNode reference = Json.MAPPER.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().startsWith("pred") || field.getKey().equals("agg_scores")) {
                    reference.set(field.getKey(), field.getValue());
                }
            }
            if (!reference.isEmpty()) {
                sink.problemReference(problemKey, reference.toString());
            }
        });
    }

    /** Scores up to the first missing one: a step without a score ends what can be paired with the text. */
    private static List<Double> present(List<Double> scores) {
        List<Double> present = new ArrayList<>(scores.size());
        for (Double score : scores) {
            if (score == null) {
                break;
            }
            present.add(score);
        }
        return present;
    }
}
