package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;

/**
 * lighteval's sample details (usually {@code details_*.parquet}, read here as records): from 0.11 on,
 * {@code {doc: {query, choices, gold_index, id}, model_response: {text[], output_tokens[][], reasonings[]},
 * metric: {...}}}; older files are flat ({@code predictions}, {@code gold}, {@code metrics}, {@code full_prompt}).
 * A document's metrics are kept as reference values; a 0/1 metric of a single response is its verdict.
 */
public final class LightevalReader extends JsonRunReader {
    public static final String FORMAT = "lighteval";
    private static final List<String> VERDICT_METRICS =
            List.of("extractive_match", "exact_match", "em", "acc", "quasi_exact_match", "prefix_exact_match");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "lighteval details (Parquet or JSON, both schema generations)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has("doc", "model_response")
                || (head.has("predictions", "gold") && head.hasAny("metrics", "full_prompt"));
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, null, Map.of(), null, null));
        JsonRecords.each(in, context.fileName(), sink, (record, key, location) -> {
            boolean current = record.has("model_response");
            JsonNode doc = current ? record.path("doc") : record;
            String question = current
                    ? JsonLists.firstText(doc, "original_query", "query")
                    : JsonLists.firstText(record, "example", "full_prompt");
            String gold = current
                    ? goldOf(doc)
                    : JsonLists.texts(record.get("gold")).stream().findFirst().orElse(null);
            String problemKey =
                    ProblemKeys.of(question, JsonLists.firstText(doc, "task_name"), JsonLists.firstText(doc, "id"));
            List<String> texts = current
                    ? JsonLists.requiredTexts(record.path("model_response"), "text")
                    : JsonLists.requiredTexts(record, "predictions");
            sink.problem(new Problem(0, problemKey, JsonLists.firstText(doc, "task_name"), question, gold, null));
            JsonNode metrics = current ? record.get("metric") : record.get("metrics");
            Boolean verdict = texts.size() == 1 ? verdict(metrics) : null;
            List<String> reasonings =
                    current ? JsonLists.texts(record.path("model_response").get("reasonings")) : List.of();
            JsonNode outputTokens = record.path("model_response").get("output_tokens");
            for (int i = 0; i < texts.size(); i++) {
                Integer tokens = outputTokens != null
                                && outputTokens.has(i)
                                && outputTokens.get(i).isArray()
                                && outputTokens.get(i).size() > 0
                        ? outputTokens.get(i).size()
                        : null;
                sink.sample(context.enricher()
                        .enrich(
                                SampleDraft.of(problemKey, texts.get(i))
                                        .index(i)
                                        .reasoning(JsonLists.at(reasonings, i))
                                        .correct(verdict)
                                        .totalTokens(tokens),
                                gold));
            }
            if (metrics != null && metrics.isObject() && !metrics.isEmpty()) {
                sink.problemReference(problemKey, metrics.toString());
            }
        });
    }

    /** The gold answer: the choice at {@code gold_index} (the first, when several are gold). */
    private static String goldOf(JsonNode doc) {
        JsonNode index = doc.get("gold_index");
        JsonNode first = index == null ? null : index.isArray() ? index.get(0) : index;
        List<String> choices = JsonLists.texts(doc.get("choices"));
        if (first == null || !first.canConvertToInt() || first.intValue() >= choices.size()) {
            return null;
        }
        return choices.get(first.intValue());
    }

    private static Boolean verdict(JsonNode metrics) {
        if (metrics == null || !metrics.isObject()) {
            return null;
        }
        for (String name : VERDICT_METRICS) {
            Boolean verdict = JsonLists.verdict(metrics.get(name));
            if (verdict != null) {
                return verdict;
            }
        }
        return null;
    }
}
