package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.json.JsonFields;
import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.json.JsonLists;
import dev.ponder.core.ingest.json.JsonRecords;
import dev.ponder.core.ingest.record.ProblemKeys;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RecordException;
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
 * SkyThought's {@code results.json}: an object keyed by problem id, each value the dataset row plus
 * {@code responses[{content, correctness, reason}]} and {@code token_usages[{completion_tokens, ...}]}.
 * The legacy shape keys {@code responses} and {@code token_usages} by temperature ({@code "0.7": {...}}):
 * each temperature is a sample, with its temperature in the sample's metadata.
 */
public final class SkyThoughtReader extends JsonRunReader {
    public static final String FORMAT = "skythought";
    private static final List<String> QUESTION_FIELDS = List.of("problem", "question", "Problem", "Question");
    private static final List<String> ANSWER_FIELDS = List.of("answer", "Answer", "expected_answer", "gold");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "SkyThought results.json (current and temperature-keyed shapes)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.startsWith() == '{' && head.innerHas("responses");
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, null, Map.of(), null, null));
        JsonRecords.entries(in, context.fileName(), sink, (record, id, location) -> {
            String question = JsonLists.firstText(record, QUESTION_FIELDS.toArray(String[]::new));
            String gold = JsonLists.firstText(record, ANSWER_FIELDS.toArray(String[]::new));
            if (gold == null && record.hasNonNull("solution")) {
                gold = AnswerExtractor.lastBoxed(record.get("solution").asText());
            }
            String key = ProblemKeys.of(question, null, id);
            ObjectNode metadata = record.deepCopy();
            metadata.remove(List.of("responses", "token_usages", "input_conversation", "prompt"));
            metadata.put("source_id", id);
            List<Response> responses = responses(record);
            if (responses.isEmpty()) {
                throw new RecordException("'responses' holds no responses");
            }
            sink.problem(new Problem(0, key, null, question, gold, metadata.toString()));
            for (int i = 0; i < responses.size(); i++) {
                Response response = responses.get(i);
                JsonNode entry = response.entry();
                String content = entry.isTextual() ? entry.textValue() : JsonLists.firstText(entry, "content");
                if (content == null) {
                    sink.skipped(location + ", response " + (i + 1), "the response has no 'content'");
                    continue;
                }
                ObjectNode meta = Json.MAPPER.createObjectNode();
                if (response.temperature() != null) {
                    meta.put("temperature", response.temperature());
                }
                String reason = JsonLists.firstText(entry, "reason");
                if (reason != null) {
                    meta.put("reason", reason);
                }
                Integer tokens =
                        response.usage() == null ? null : JsonFields.integer(response.usage(), "completion_tokens");
                sink.sample(context.enricher()
                        .enrich(
                                SampleDraft.of(key, content)
                                        .index(i)
                                        .correct(JsonLists.verdict(entry.get("correctness")))
                                        .totalTokens(tokens)
                                        .meta(meta.isEmpty() ? null : meta.toString()),
                                gold));
            }
        });
    }

    /** A response with its token usage and, in the legacy shape, the temperature it was sampled at. */
    private record Response(JsonNode entry, JsonNode usage, String temperature) {}

    private static List<Response> responses(JsonNode record) {
        JsonNode responses = record.get("responses");
        JsonNode usages = record.get("token_usages");
        List<Response> all = new ArrayList<>();
        if (responses == null) {
            return all;
        }
        if (responses.isArray()) {
            for (int i = 0; i < responses.size(); i++) {
                all.add(new Response(
                        responses.get(i), usages != null && usages.isArray() ? usages.get(i) : null, null));
            }
        } else if (responses.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> byTemperature = responses.fields(); byTemperature.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = byTemperature.next();
                JsonNode usage = usages == null ? null : usages.get(entry.getKey());
                if (entry.getValue().isArray()) {
                    for (int i = 0; i < entry.getValue().size(); i++) {
                        all.add(new Response(
                                entry.getValue().get(i),
                                usage != null && usage.isArray() ? usage.get(i) : usage,
                                entry.getKey()));
                    }
                } else {
                    all.add(new Response(entry.getValue(), usage, entry.getKey()));
                }
            }
        }
        return all;
    }
}
