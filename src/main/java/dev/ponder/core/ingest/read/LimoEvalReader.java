package dev.ponder.core.ingest.read;

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
 * LIMO / DeepScaleR-style evaluation JSONL: one record per problem with {@code generated_responses[]},
 * {@code generated_answers[]} and {@code answers_correctness[]}; runs at several {@code max_tokens} make a
 * budget curve, so set {@code budget} at import.
 */
public final class LimoEvalReader extends JsonRunReader {
    public static final String FORMAT = "limo-eval";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "LIMO / DeepScaleR evaluation output (JSONL)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has("generated_responses");
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, null, Map.of(), null, null));
        JsonRecords.each(in, context.fileName(), sink, (record, key, location) -> {
            String question = JsonLists.firstText(record, "question", "problem", "prompt");
            String gold = JsonLists.firstText(record, "gold_answer", "answer", "gt");
            String problemKey = ProblemKeys.of(question, null, JsonLists.firstText(record, "id", "idx", "unique_id"));
            List<String> responses = JsonLists.requiredTexts(record, "generated_responses");
            sink.problem(new Problem(0, problemKey, null, question, gold, null));
            List<String> answers = JsonLists.texts(record.get("generated_answers"));
            List<Boolean> verdicts = JsonLists.verdicts(record.get("answers_correctness"));
            for (int i = 0; i < responses.size(); i++) {
                sink.sample(context.enricher()
                        .enrich(
                                SampleDraft.of(problemKey, responses.get(i))
                                        .index(i)
                                        .answer(JsonLists.at(answers, i))
                                        .correct(JsonLists.at(verdicts, i)),
                                gold));
            }
        });
    }
}
