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
import java.util.List;
import java.util.Map;

/**
 * open-r1 / OpenR1-Math style records: a problem with parallel {@code generations[]},
 * {@code correctness_math_verify[]} (the verdict used), {@code correctness_llama[]}, {@code finish_reasons[]}
 * and {@code is_reasoning_complete[]}. R1 traces often lack the opening {@code <think>}.
 */
public final class OpenR1Reader extends JsonRunReader {
    public static final String FORMAT = "open-r1";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "open-r1 generations (JSONL, JSON)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has("generations") && head.hasAny("correctness_math_verify", "finish_reasons", "problem");
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, null, Map.of(), null, null));
        JsonRecords.each(in, context.fileName(), sink, (record, key, location) -> {
            String question = JsonLists.firstText(record, "problem", "question");
            String gold = JsonLists.firstText(record, "answer");
            String problemKey = ProblemKeys.of(
                    question, JsonLists.firstText(record, "source"), JsonLists.firstText(record, "uuid", "id"));
            ObjectNode metadata = Json.MAPPER.createObjectNode();
            for (String field : List.of("uuid", "source", "problem_type", "question_type", "solution")) {
                if (record.hasNonNull(field)) {
                    metadata.set(field, record.get(field));
                }
            }
            List<String> generations = JsonLists.requiredTexts(record, "generations");
            sink.problem(new Problem(
                    0,
                    problemKey,
                    JsonLists.firstText(record, "source"),
                    question,
                    gold,
                    metadata.isEmpty() ? null : metadata.toString()));
            List<Boolean> verified = JsonLists.verdicts(record.get("correctness_math_verify"));
            List<Boolean> llama = JsonLists.verdicts(record.get("correctness_llama"));
            List<String> finish = JsonLists.texts(record.get("finish_reasons"));
            List<Boolean> complete = JsonLists.verdicts(record.get("is_reasoning_complete"));
            for (int i = 0; i < generations.size(); i++) {
                ObjectNode meta = Json.MAPPER.createObjectNode();
                if (JsonLists.at(llama, i) != null) {
                    meta.put("correctness_llama", JsonLists.at(llama, i));
                }
                if (JsonLists.at(complete, i) != null) {
                    meta.put("is_reasoning_complete", JsonLists.at(complete, i));
                }
                sink.sample(context.enricher()
                        .enrich(
                                SampleDraft.of(problemKey, generations.get(i))
                                        .index(i)
                                        .correct(JsonLists.at(verified, i))
                                        .finishReason(JsonLists.at(finish, i))
                                        .meta(meta.isEmpty() ? null : meta.toString()),
                                gold));
            }
            JsonNode count = record.get("correctness_count");
            if (count != null && count.isNumber()) {
                sink.problemReference(
                        problemKey,
                        Json.MAPPER
                                .createObjectNode()
                                .set("correctness_count", count)
                                .toString());
            }
        });
    }
}
