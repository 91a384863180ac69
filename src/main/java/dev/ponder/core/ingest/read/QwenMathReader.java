package dev.ponder.core.ingest.read;

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
 * The Qwen2.5-Math evaluation toolkit's JSONL, used for many released reasoning-model outputs: one record
 * per problem with {@code question}, {@code gt}, and parallel lists {@code code[]} (the responses),
 * {@code pred[]} (extracted answers), {@code score[]} (verdicts) and optionally {@code pred_score[]}
 * (reward-model scores).
 */
public final class QwenMathReader extends JsonRunReader {
    public static final String FORMAT = "qwen-math";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Qwen2.5-Math evaluation toolkit output (JSONL)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has("code", "pred") && head.hasAny("gt", "score", "question");
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, null, Map.of(), null, null));
        JsonRecords.each(in, context.fileName(), sink, (record, key, location) -> {
            String question = JsonLists.firstText(record, "question", "problem");
            String gold = JsonLists.firstText(record, "gt", "answer");
            String problemKey = ProblemKeys.of(question, null, JsonLists.firstText(record, "idx", "id"));
            ObjectNode metadata = Json.MAPPER.createObjectNode();
            for (String field : List.of("idx", "gt_cot", "level", "type", "subject", "solution")) {
                if (record.hasNonNull(field)) {
                    metadata.set(field, record.get(field));
                }
            }
            List<String> responses = JsonLists.requiredTexts(record, "code");
            sink.problem(
                    new Problem(0, problemKey, null, question, gold, metadata.isEmpty() ? null : metadata.toString()));
            List<String> predictions = JsonLists.texts(record.get("pred"));
            List<Boolean> verdicts = JsonLists.verdicts(record.get("score"));
            List<Double> rewards = JsonLists.numbers(record.get("pred_score"));
            for (int i = 0; i < responses.size(); i++) {
                sink.sample(context.enricher()
                        .enrich(
                                SampleDraft.of(problemKey, responses.get(i))
                                        .index(i)
                                        .answer(JsonLists.at(predictions, i))
                                        .correct(JsonLists.at(verdicts, i))
                                        .score(JsonLists.at(rewards, i)),
                                gold));
            }
        });
    }
}
