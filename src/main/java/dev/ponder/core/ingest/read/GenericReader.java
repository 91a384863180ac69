package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.json.JsonLists;
import dev.ponder.core.ingest.json.JsonRecords;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.FieldMapping.Field;
import dev.ponder.core.ingest.mapping.FieldMapping.Layout;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.ProblemKeys;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RecordException;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleDraft;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.TreeNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Any JSON, JSON Lines or CSV file read through a user's {@link FieldMapping}: one record per sample, one per
 * problem with parallel lists, or a nested search tree per record. Never chosen by content; it runs when the
 * user gives a mapping ({@code ponder import --map ...}, or the mapping dialog).
 */
public final class GenericReader implements RunReader {
    public static final String FORMAT = "generic";
    private static final CsvMapper CSV =
            CsvMapper.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Any JSON, JSONL or CSV with a field mapping";
    }

    @Override
    public boolean recognises(FileHead head) {
        return false;
    }

    @Override
    public void read(InputStream raw, ReadContext context, SampleSink sink) throws IOException {
        FieldMapping mapping = context.mapping();
        if (mapping == null) {
            throw new ImportException(
                    context.fileName(),
                    null,
                    "the generic format needs a field mapping: say which "
                            + "field holds the trace (--map trace=FIELD), the question, the gold answer, ...");
        }
        sink.run(new RunHeader(null, null, null, Map.of(), null, null));
        Records records = new Records(mapping, context, sink);
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(1 << 12);
        String start = new String(in.readNBytes(1 << 12), StandardCharsets.UTF_8)
                .stripLeading()
                .replace("\uFEFF", "");
        in.reset();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            csv(in, context, sink, records);
        } else if ("*".equals(mapping.records())) {
            JsonRecords.entries(in, context.fileName(), sink, records::record);
        } else if (mapping.records() != null && !mapping.records().isBlank()) {
            JsonRecords.inside(in, context.fileName(), mapping.records(), sink, records::record);
        } else {
            JsonRecords.each(in, context.fileName(), sink, records::record);
        }
    }

    /** CSV with a header row: each row is a record whose fields are the columns. */
    private static void csv(InputStream in, ReadContext context, SampleSink sink, Records records) throws IOException {
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(in)) {
            int row = 1;
            while (true) {
                Map<String, String> values;
                try {
                    if (!rows.hasNextValue()) {
                        return;
                    }
                    values = rows.nextValue();
                } catch (IOException | RuntimeException e) {
                    sink.skipped(
                            "row " + (row + 1),
                            "not a valid CSV row: "
                                    + e.getMessage().lines().findFirst().orElse(""));
                    return;
                }
                row++;
                ObjectNode record = Json.MAPPER.createObjectNode();
                values.forEach(record::put);
                try {
                    records.record(record, null, "row " + row);
                } catch (RecordException | IllegalArgumentException e) {
                    sink.skipped("row " + row, e.getMessage());
                }
            }
        }
    }

    /** Turns mapped records into problems, samples or tree nodes. */
    private static final class Records {
        private final FieldMapping mapping;
        private final ReadContext context;
        private final SampleSink sink;
        private final Map<String, Integer> samplesPerProblem = new HashMap<>();
        private int trees;

        Records(FieldMapping mapping, ReadContext context, SampleSink sink) {
            this.mapping = mapping;
            this.context = context;
            this.sink = sink;
        }

        void record(JsonNode record, String key, String location) {
            String question = text(record, Field.QUESTION);
            String gold = goldAnswer(text(record, Field.GOLD));
            String id = text(record, Field.PROBLEM_ID);
            if (id == null) {
                id = key;
            }
            if (mapping.layout() == Layout.TREE) {
                JsonNode root = mapping.path(Field.ROOT) == null
                        ? record
                        : mapping.path(Field.ROOT).one(record);
                if (root == null || !root.isObject()) {
                    throw new RecordException("'" + mapping.path(Field.ROOT) + "' holds no tree");
                }
                tree(root, ProblemKeys.of(question, null, id != null ? id : "tree " + (trees + 1)), question, gold);
                return;
            }
            String problemKey = ProblemKeys.of(question, null, id);
            Integer budget = mapping.path(Field.BUDGET) == null
                    ? null
                    : integer(mapping.path(Field.BUDGET).one(record));
            if (mapping.path(Field.BUDGET) != null && budget == null) {
                throw new RecordException("'" + mapping.path(Field.BUDGET) + "' holds no whole number of tokens");
            }
            if (budget != null) {
                sink.budget(budget);
            }
            Integer round = mapping.path(Field.ROUND) == null
                    ? null
                    : integer(mapping.path(Field.ROUND).one(record));
            if (round != null && round < 0) {
                throw new RecordException("'" + mapping.path(Field.ROUND) + "' must be a round number, 0 or more");
            }
            // samples are numbered per problem within each budget's run and each round
            String counted =
                    (budget == null ? "" : budget + "/") + (round == null ? "" : "r" + round + "/") + problemKey;
            if (mapping.layout() == Layout.SAMPLES) {
                SampleDraft draft = draft(problemKey, record);
                Integer index = integer(
                        mapping.path(Field.INDEX) == null
                                ? null
                                : mapping.path(Field.INDEX).one(record));
                draft.index(index != null ? index : samplesPerProblem.merge(counted, 1, Integer::sum) - 1);
                draft.budget(budget);
                if (round != null) {
                    draft.round(round);
                }
                sink.problem(new Problem(0, problemKey, null, question, gold, null));
                sink.sample(context.enricher().enrich(draft, gold));
            } else {
                List<JsonNode> traces = list(record, Field.TRACE);
                List<JsonNode> reasoning = list(record, Field.REASONING);
                int count = Math.max(traces.size(), reasoning.size());
                if (count == 0) {
                    throw new RecordException("'"
                            + (mapping.path(Field.TRACE) != null
                                    ? mapping.path(Field.TRACE)
                                    : mapping.path(Field.REASONING))
                            + "' holds no responses");
                }
                sink.problem(new Problem(0, problemKey, null, question, gold, null));
                List<JsonNode> answers = list(record, Field.ANSWER);
                List<JsonNode> verdicts = list(record, Field.CORRECT);
                List<JsonNode> tokens = list(record, Field.TOKENS);
                List<JsonNode> thinking = list(record, Field.THINKING_TOKENS);
                List<JsonNode> scores = list(record, Field.SCORE);
                List<JsonNode> finish = list(record, Field.FINISH_REASON);
                // A problem met again in a later record (the same question in two records) adds samples after
                // those it has, rather than writing over them.
                int first = samplesPerProblem.getOrDefault(counted, 0);
                samplesPerProblem.put(counted, first + count);
                for (int i = 0; i < count; i++) {
                    SampleDraft draft = SampleDraft.of(problemKey, asText(JsonLists.at(traces, i)))
                            .index(first + i)
                            .round(round == null ? 0 : round)
                            .budget(budget)
                            .reasoning(asText(JsonLists.at(reasoning, i)))
                            .answer(asText(JsonLists.at(answers, i)))
                            .correct(JsonLists.verdict(JsonLists.at(verdicts, i)))
                            .totalTokens(integer(JsonLists.at(tokens, i)))
                            .thinkingTokens(integer(JsonLists.at(thinking, i)))
                            .score(number(JsonLists.at(scores, i)))
                            .finishReason(asText(JsonLists.at(finish, i)));
                    sink.sample(context.enricher().enrich(draft, gold));
                }
            }
        }

        private SampleDraft draft(String problemKey, JsonNode record) {
            return SampleDraft.of(problemKey, text(record, Field.TRACE))
                    .reasoning(text(record, Field.REASONING))
                    .answer(text(record, Field.ANSWER))
                    .correct(JsonLists.verdict(one(record, Field.CORRECT)))
                    .totalTokens(integer(one(record, Field.TOKENS)))
                    .thinkingTokens(integer(one(record, Field.THINKING_TOKENS)))
                    .score(number(one(record, Field.SCORE)))
                    .finishReason(text(record, Field.FINISH_REASON));
        }

        /** One mapped tree: its nodes' fields as the mapping says; an answer is graded unless a verdict is mapped. */
        /**
         * The gold answer; a worked solution (MATH's {@code solution}, with its answer boxed) gives its last boxed
         * answer, as the MATH reference does ({@code remove_boxed(last_boxed_only_string(solution))}).
         */
        private static String goldAnswer(String gold) {
            if (gold == null || !gold.contains("\\boxed")) {
                return gold;
            }
            String boxed = dev.ponder.core.answer.AnswerExtractor.lastBoxed(gold);
            return boxed == null ? gold : boxed;
        }

        private void tree(JsonNode root, String problemKey, String question, String gold) {
            trees++;
            sink.problem(new Problem(0, problemKey, null, question, gold, null));
            NestedTrees.walk(
                    root,
                    trees,
                    problemKey,
                    node -> mapping.path(Field.CHILDREN).all(node),
                    (node, key, leaf) -> {
                        String answer = text(node, Field.NODE_ANSWER);
                        Boolean correct = mapping.path(Field.NODE_CORRECT) != null
                                ? JsonLists.verdict(one(node, Field.NODE_CORRECT))
                                : answer == null ? null : context.enricher().grade(answer, gold);
                        return new TreeNode(
                                0,
                                0,
                                0,
                                null,
                                key,
                                null,
                                text(node, Field.NODE_TEXT),
                                number(one(node, Field.VALUE)),
                                integer(one(node, Field.VISITS)),
                                null,
                                number(one(node, Field.REWARD)),
                                leaf,
                                false,
                                answer,
                                correct,
                                null);
                    },
                    sink);
        }

        private JsonNode one(JsonNode record, Field field) {
            JsonPath path = mapping.path(field);
            return path == null ? null : path.one(record);
        }

        private List<JsonNode> list(JsonNode record, Field field) {
            JsonPath path = mapping.path(field);
            return path == null ? List.of() : path.all(record);
        }

        private String text(JsonNode record, Field field) {
            return asText(one(record, field));
        }
    }

    private static String asText(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static Integer integer(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.canConvertToInt() ? value.intValue() : null;
        }
        try {
            return value.isTextual() && !value.textValue().isBlank()
                    ? (int) Double.parseDouble(value.textValue().strip())
                    : null;
        } catch (NumberFormatException e) {
            throw new RecordException("expected a whole number, got \"" + value.textValue() + "\"");
        }
    }

    private static Double number(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Double.isNaN(value.doubleValue()) ? null : value.doubleValue();
        }
        try {
            return value.isTextual() && !value.textValue().isBlank()
                    ? Double.parseDouble(value.textValue().strip())
                    : null;
        } catch (NumberFormatException e) {
            throw new RecordException("expected a number, got \"" + value.textValue() + "\"");
        }
    }
}
