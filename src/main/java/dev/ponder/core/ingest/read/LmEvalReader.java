package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lm-evaluation-harness {@code --log_samples} output, including s1's fork: one JSON line per (document,
 * filter), responses in {@code resps} ({@code [[r1..rN]]} or {@code ["r"]}), the gold answer in
 * {@code target}. s1 adds per-response {@code extracted_answers}, {@code exact_matches} and token counts
 * ({@code tok}, {@code tok_think}); its traces hold {@code <|im_start|>think} / {@code <|im_start|>answer}.
 * Lines of every filter carry the same responses: the first filter in the file is imported and named in
 * the run's parameters. The model comes from the {@code results_<timestamp>.json} written beside the file.
 */
public final class LmEvalReader extends JsonRunReader {
    public static final String FORMAT = "lm-eval";
    private static final Pattern FILE_NAME = Pattern.compile("samples_(.+)_(\\d{4}-\\d{2}-\\d{2}T[\\d.\\-]+)\\.jsonl?");
    private static final Set<String> STRUCTURE = Set.of(
            "doc_id",
            "doc",
            "target",
            "arguments",
            "resps",
            "filtered_resps",
            "filter",
            "metrics",
            "doc_hash",
            "prompt_hash",
            "target_hash",
            "extracted_answers",
            "exact_matches",
            "tok",
            "tok_think",
            "tok_ans",
            "too_long");
    /** Per-document metrics that are a verdict when the document has a single response. */
    private static final List<String> VERDICT_METRICS = List.of("exact_match", "acc", "em", "correct");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "lm-evaluation-harness samples (JSONL)";
    }

    private static final Pattern RESULTS_NAME = Pattern.compile("results_(.+)\\.json");

    /**
     * The samples files an lm-eval results summary ({@code results_<timestamp>.json}) describes: the
     * {@code samples_<task>_<timestamp>.jsonl} beside it. Empty when the file is no such summary.
     */
    public static List<Path> samplesOfSummary(Path file) throws IOException {
        Matcher name = RESULTS_NAME.matcher(String.valueOf(file.getFileName()));
        Path folder = file.toAbsolutePath().getParent();
        if (!name.matches() || folder == null) {
            return List.of();
        }
        String suffix = "_" + name.group(1) + ".jsonl";
        try (java.util.stream.Stream<Path> siblings = java.nio.file.Files.list(folder)) {
            return siblings.filter(sibling -> {
                        String n = String.valueOf(sibling.getFileName());
                        return n.startsWith("samples_") && n.endsWith(suffix);
                    })
                    .sorted()
                    .toList();
        }
    }

    @Override
    protected boolean recognises(JsonHead head) {
        return head.has("doc_id") && head.hasAny("resps", "filtered_resps");
    }

    /** The results summary written beside a samples file, which its import reads for the model and settings. */
    public static java.util.Optional<Path> summaryBeside(Path samples) {
        Matcher name = FILE_NAME.matcher(String.valueOf(samples.getFileName()));
        if (!name.matches()) {
            return java.util.Optional.empty();
        }
        Path summary = samples.resolveSibling("results_" + name.group(2) + ".json");
        return java.nio.file.Files.isRegularFile(summary) ? java.util.Optional.of(summary) : java.util.Optional.empty();
    }

    @Override
    public void read(InputStream in, ReadContext context, SampleSink sink) throws IOException {
        Matcher name = FILE_NAME.matcher(context.fileName());
        String task = name.matches() ? name.group(1) : null;
        sink.run(new RunHeader(null, null, null, task == null ? Map.of() : Map.of("task", task), null, null));
        if (name.matches() && context.file() != null) {
            sink.runDetails(results(context.file().resolveSibling("results_" + name.group(2) + ".json"), task));
        }
        State state = new State();
        JsonRecords.lines(in, context.fileName(), sink, (record, key, location) -> {
            String filter = JsonFields.text(record, "filter");
            if (state.filter == null) {
                state.filter = filter == null ? "none" : filter;
                sink.runDetails(new RunHeader(null, null, null, generationParams(record, state.filter), null, null));
            } else if (filter != null && !filter.equals(state.filter)) {
                state.otherFilters.add(filter);
                return;
            }
            document(record, task, context, sink);
        });
        if (!state.otherFilters.isEmpty()) {
            sink.runDetails(new RunHeader(
                    null,
                    null,
                    null,
                    Map.of("lm_eval_other_filters", String.join(", ", state.otherFilters)),
                    null,
                    null));
        }
    }

    private static final class State {
        String filter;
        final Set<String> otherFilters = new HashSet<>();
    }

    private static void document(JsonNode record, String task, ReadContext context, SampleSink sink) {
        JsonNode doc = record.get("doc");
        if (doc != null && !doc.isObject() && !doc.isNull()) {
            throw new RecordException("'doc' must be a JSON object (the dataset's row, with the question), got "
                    + (doc.isTextual()
                            ? "a text"
                            : doc.isArray()
                                    ? "a list"
                                    : "a " + doc.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        String docId = JsonFields.requiredText(record, "doc_id");
        String question = JsonLists.firstText(doc, "problem", "question", "Question", "query", "prompt", "input");
        String gold = JsonLists.firstText(record, "target");
        if (gold == null) {
            gold = JsonLists.firstText(doc, "answer", "Answer", "gold", "target");
        }
        String key = ProblemKeys.of(question, task, docId);
        List<String> responses = JsonLists.texts(record.get("resps"));
        if (responses.isEmpty()) {
            responses = JsonLists.texts(record.get("filtered_resps"));
        }
        if (responses.isEmpty()) {
            throw new RecordException("'resps' holds no responses");
        }
        sink.problem(new Problem(0, key, task, question, gold, doc != null && doc.isObject() ? doc.toString() : null));
        List<String> extracted = JsonLists.texts(record.get("extracted_answers"));
        List<Boolean> matches = JsonLists.verdicts(record.get("exact_matches"));
        List<Integer> tokens = JsonLists.integers(record.get("tok"));
        List<Integer> thinkingTokens = JsonLists.integers(record.get("tok_think"));
        List<Boolean> tooLong = JsonLists.verdicts(record.get("too_long"));
        Boolean singleVerdict = responses.size() == 1 && matches.isEmpty() ? documentVerdict(record) : null;
        for (int i = 0; i < responses.size(); i++) {
            String response = responses.get(i);
            if (response == null) {
                sink.skipped("doc_id " + docId + ", response " + (i + 1), "the response is null");
                continue;
            }
            Boolean correct = singleVerdict != null ? singleVerdict : JsonLists.at(matches, i);
            sink.sample(context.enricher()
                    .enrich(
                            SampleDraft.of(key, response)
                                    .index(i)
                                    .answer(JsonLists.at(extracted, i))
                                    .correct(correct)
                                    .totalTokens(JsonLists.at(tokens, i))
                                    .thinkingTokens(JsonLists.at(thinkingTokens, i))
                                    .finishReason(Boolean.TRUE.equals(JsonLists.at(tooLong, i)) ? "length" : null),
                            gold));
        }
        ObjectNode reference = reference(record);
        if (!reference.isEmpty()) {
            sink.problemReference(key, reference.toString());
        }
    }

    /** A single response's verdict from a 0/1 document metric, as lm-eval tasks report exact match or accuracy. */
    private static Boolean documentVerdict(JsonNode record) {
        for (String metric : VERDICT_METRICS) {
            JsonNode value = record.get(metric);
            if (value != null && (value.isBoolean() || value.isNumber())) {
                return JsonLists.verdict(value);
            }
        }
        return null;
    }

    /** The document's metrics as the harness computed them (exact_match, cov@n, maj@n, ...). */
    private static ObjectNode reference(JsonNode record) {
        ObjectNode reference = Json.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!STRUCTURE.contains(field.getKey()) && field.getValue().isValueNode()) {
                reference.set(field.getKey(), field.getValue());
            }
        }
        return reference;
    }

    /** The generation settings of the first document: max tokens, temperature, s1's thinking budget. */
    private static Map<String, String> generationParams(JsonNode record, String filter) {
        Map<String, String> params = new HashMap<>();
        params.put("lm_eval_filter", filter);
        JsonNode arguments = record.path("arguments").path("gen_args_0").path("arg_1");
        for (String name : List.of(
                "max_tokens",
                "max_gen_toks",
                "temperature",
                "top_p",
                "max_tokens_thinking",
                "thinking_n_ignore",
                "thinking_n_ignore_str",
                "seed")) {
            JsonNode value = arguments.get(name);
            if (value != null && value.isValueNode() && !value.isNull()) {
                params.put(name.equals("max_gen_toks") ? "max_tokens" : name, value.asText());
            }
        }
        if (params.containsKey("max_tokens_thinking")) {
            params.put("budget", params.get("max_tokens_thinking"));
        }
        return params;
    }

    /** What the harness's results file says about the run: the model and its settings. */
    private static RunHeader results(Path file, String task) throws IOException {
        if (!Files.isRegularFile(file)) {
            return RunHeader.EMPTY;
        }
        JsonNode results = Json.MAPPER.readTree(file.toFile());
        Map<String, String> params = new HashMap<>();
        JsonNode config = results.path("config");
        if (config.hasNonNull("model_args")) {
            params.put("model_args", config.get("model_args").asText());
        }
        if (results.hasNonNull("lm_eval_version")) {
            params.put("lm_eval_version", results.get("lm_eval_version").asText());
        }
        JsonNode generation =
                task == null ? null : results.path("configs").path(task).get("generation_kwargs");
        if (generation != null && generation.isObject()) {
            generation.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                    params.put(field.getKey(), field.getValue().asText());
                }
            });
        }
        String model = JsonLists.firstText(results, "model_name");
        if (model == null) {
            model = JsonLists.firstText(config, "model_args", "model");
        }
        return new RunHeader(null, model, null, params, null, null);
    }
}
