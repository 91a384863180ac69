package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;

/**
 * OpenAI-compatible chat completions: single responses, JSON Lines of them, or Batch API output lines
 * ({@code {custom_id, response: {status_code, body}, error}}). Each choice is a sample of the request's
 * problem (the {@code custom_id}, else the response {@code id}). Reasoning comes in
 * {@code message.reasoning_content} (DeepSeek, older vLLM) or {@code message.reasoning} (newer vLLM).
 * {@code usage} counts the whole request, so per-sample token counts are taken only when {@code n} is 1;
 * {@code completion_tokens} includes {@code completion_tokens_details.reasoning_tokens}.
 */
public final class OpenAiChatReader extends JsonRunReader {
    public static final String FORMAT = "openai-chat";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "OpenAI-compatible chat completions and batch output (JSON, JSONL)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has("custom_id", "response") || (head.has("choices") && head.hasAny("object", "model", "usage"));
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, null, Map.of(), null, null));
        boolean[] modelKnown = {false};
        JsonRecords.each(in, context.fileName(), sink, (record, key, location) -> {
            String problemId = JsonFields.text(record, "custom_id");
            JsonNode completion = record;
            if (record.has("response") || record.has("error")) {
                JsonNode error = record.get("error");
                if (error != null && !error.isNull()) {
                    throw new RecordException("the request failed: "
                            + (error.has("message") ? error.get("message").asText() : error));
                }
                int status = record.path("response").path("status_code").asInt(200);
                if (status != 200) {
                    throw new RecordException("the request failed with HTTP status " + status);
                }
                completion = record.path("response").path("body");
            }
            if (!completion.has("choices")) {
                throw new RecordException("expected a chat completion with 'choices'");
            }
            if (problemId == null) {
                problemId = JsonFields.text(completion, "id");
            }
            if (!modelKnown[0] && completion.hasNonNull("model")) {
                sink.runDetails(new RunHeader(null, completion.get("model").asText(), null, Map.of(), null, null));
                modelKnown[0] = true;
            }
            String problemKey = ProblemKeys.of(null, null, problemId);
            sink.problem(new Problem(0, problemKey, null, null, null, null));
            JsonNode choices = completion.get("choices");
            JsonNode usage = completion.path("usage");
            boolean single = choices.size() == 1;
            for (int i = 0; i < choices.size(); i++) {
                JsonNode choice = choices.get(i);
                JsonNode message = choice.path("message");
                String content = message.path("content").isTextual()
                        ? message.get("content").textValue()
                        : "";
                String reasoning = JsonLists.firstText(message, "reasoning_content", "reasoning");
                SampleDraft draft = SampleDraft.of(problemKey, content)
                        .index(choice.path("index").asInt(i))
                        .reasoning(reasoning)
                        .finishReason(JsonFields.text(choice, "finish_reason"));
                if (single) {
                    draft.totalTokens(JsonFields.integer(usage, "completion_tokens"))
                            .thinkingTokens(
                                    JsonFields.integer(usage.path("completion_tokens_details"), "reasoning_tokens"));
                }
                sink.sample(context.enricher().enrich(draft, null));
            }
        });
    }
}
