package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.json.JsonLists;
import dev.ponder.core.ingest.json.JsonRecords;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RecordException;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleDraft;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A run's per-sample columns as Ponder writes them ({@code ponder export-run --format parquet}), one row per sample
 * marked by its {@code ponder_columns} version: answer, verdict, token counts, score, finish reason, budget and
 * round, with no trace text. Read back, the run has the same figures; the verdicts are the file's labels.
 */
public final class PonderColumnsReader extends JsonRunReader {
    public static final String FORMAT = "ponder-columns";
    private static final String MARKER = "ponder_columns";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Ponder's per-sample columns (Parquet from ponder export-run --format parquet)";
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has(MARKER, "problem", "answer");
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        sink.run(new RunHeader(null, null, null, Map.of(), null, null));
        Set<String> problems = new HashSet<>();
        JsonRecords.each(in, context.fileName(), sink, (record, key, location) -> {
            int version = record.path(MARKER).asInt(-1);
            if (version != 1) {
                throw new RecordException(
                        "'" + MARKER + "' is " + record.path(MARKER) + "; this Ponder reads version 1 of its columns");
            }
            String problemKey = JsonLists.firstText(record, "problem");
            if (problemKey == null) {
                throw new RecordException("'problem' is missing; expected the problem's key");
            }
            String gold = JsonLists.firstText(record, "gold");
            if (problems.add(problemKey)) {
                sink.problem(new Problem(0, problemKey, null, JsonLists.firstText(record, "question"), gold, null));
            }
            sink.sample(context.enricher()
                    .enrich(
                            SampleDraft.of(problemKey, "")
                                    .index(record.path("sample_index").asInt(0))
                                    .round(record.path("round").asInt(0))
                                    .answer(JsonLists.firstText(record, "answer"))
                                    .correct(JsonLists.verdict(record.get("correct")))
                                    .totalTokens(integer(record, "tokens"))
                                    .thinkingTokens(integer(record, "thinking_tokens"))
                                    .score(number(record, "score"))
                                    .finishReason(JsonLists.firstText(record, "finish_reason"))
                                    .budget(integer(record, "budget")),
                            gold));
        });
    }

    private static Integer integer(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || !value.isNumber() ? null : value.intValue();
    }

    private static Double number(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || !value.isNumber() ? null : value.doubleValue();
    }
}
