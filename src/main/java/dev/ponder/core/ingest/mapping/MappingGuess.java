package dev.ponder.core.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.mapping.FieldMapping.Field;
import dev.ponder.core.ingest.mapping.FieldMapping.Layout;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A first guess at a field mapping from the names eval scripts commonly use ({@code question}, {@code gt},
 * {@code generations}, {@code is_correct}, ...), for the mapping dialog to start from. Only a starting point:
 * the user sees the preview and corrects it.
 */
public final class MappingGuess {
    private static final Map<Field, List<String>> NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(
                    Field.PROBLEM_ID,
                    List.of("problem_id", "question_id", "qid", "unique_id", "doc_id", "task_id", "id", "idx", "_key")),
            Map.entry(Field.QUESTION, List.of("question", "problem", "prompt", "query", "instruction", "input")),
            Map.entry(
                    Field.GOLD,
                    List.of(
                            "gold_answer",
                            "gold",
                            "gt",
                            "ground_truth",
                            "target",
                            "reference_answer",
                            "expected_answer",
                            "answer",
                            "reference_solution",
                            "solution")),
            Map.entry(
                    Field.TRACE,
                    List.of(
                            "generated_responses",
                            "responses",
                            "response",
                            "generations",
                            "generation",
                            "completions",
                            "completion",
                            "outputs",
                            "output",
                            "samples",
                            "generated_text",
                            "model_output",
                            "text",
                            "content")),
            Map.entry(Field.REASONING, List.of("reasoning_content", "reasoning", "thinking")),
            Map.entry(
                    Field.ANSWER,
                    List.of(
                            "generated_answers",
                            "extracted_answers",
                            "extracted_answer",
                            "predicted_answer",
                            "preds",
                            "pred",
                            "prediction",
                            "model_answer")),
            Map.entry(
                    Field.CORRECT,
                    List.of(
                            "answers_correctness",
                            "correctness",
                            "is_correct",
                            "correct",
                            "exact_match",
                            "passed",
                            "label")),
            Map.entry(
                    Field.TOKENS,
                    List.of(
                            "completion_tokens",
                            "num_tokens",
                            "output_tokens",
                            "n_tokens",
                            "ntok",
                            "ntokens",
                            "num_output_tokens",
                            "tokens",
                            "token_count",
                            "length")),
            Map.entry(
                    Field.BUDGET,
                    List.of("budget", "thinking_budget", "token_budget", "max_thinking_tokens", "budget_tokens")),
            Map.entry(Field.ROUND, List.of("round", "round_idx", "round_index", "thinking_round")),
            Map.entry(Field.SCORE, List.of("scores", "score", "rewards", "reward", "prm_score")),
            Map.entry(Field.FINISH_REASON, List.of("finish_reasons", "finish_reason", "stop_reason")),
            Map.entry(Field.NODE_TEXT, List.of("text", "step", "content", "state", "action")),
            Map.entry(Field.VALUE, List.of("value", "q_value", "q", "mc_value")),
            Map.entry(Field.VISITS, List.of("visits", "visit_count", "n_visits", "n")),
            Map.entry(Field.REWARD, List.of("reward", "prm_reward"))));
    private static final List<Field> SAMPLE_FIELDS = List.of(
            Field.TRACE, Field.REASONING, Field.ANSWER, Field.CORRECT, Field.TOKENS, Field.SCORE, Field.FINISH_REASON);

    private MappingGuess() {}

    /** A mapping for records like these, or empty when nothing looks like generated text. */
    public static Optional<FieldMapping> of(List<JsonNode> records, String recordsAt) {
        if (records.isEmpty()) {
            return Optional.empty();
        }
        JsonNode first = records.get(0);
        List<String> paths = FieldPaths.of(records);
        Map<Field, JsonPath> fields = new EnumMap<>(Field.class);
        Set<String> taken = new HashSet<>();
        if (first.has("children") && first.get("children").isArray()) {
            fields.put(Field.CHILDREN, JsonPath.parse("children"));
            for (Field field : List.of(Field.QUESTION, Field.GOLD)) {
                pick(paths, field, false, taken, first).ifPresent(path -> fields.put(field, path));
            }
            for (Field field : List.of(Field.NODE_TEXT, Field.VALUE, Field.VISITS, Field.REWARD)) {
                pick(topLevel(paths), field, false, taken, first).ifPresent(path -> fields.put(field, path));
            }
            return Optional.of(new FieldMapping(Layout.TREE, recordsAt, fields));
        }
        List<String> candidates = paths.stream()
                .filter(path -> !SplitLists.isSplitOfAnotherField(path, first))
                .toList();
        // responses in a list by their name, or, where no field is named like generated text, long texts in a list
        boolean perProblem = pick(candidates, Field.TRACE, true, taken, first).isPresent()
                || pick(candidates, Field.TRACE, false, taken, first).isEmpty()
                        && ByType.longestText(candidates, false, taken, first).isEmpty()
                        && ByType.longestText(candidates, true, taken, first).isPresent();
        taken.clear();
        for (Field field : List.of(Field.PROBLEM_ID, Field.QUESTION, Field.GOLD, Field.BUDGET, Field.ROUND)) {
            pick(candidates, field, false, taken, first).ifPresent(path -> fields.put(field, path));
        }
        for (Field field : SAMPLE_FIELDS) {
            pick(candidates, field, perProblem, taken, first).ifPresent(path -> fields.put(field, path));
        }
        ByType.fillIn(fields, candidates, perProblem, taken, first);
        if (!fields.containsKey(Field.TRACE) && !fields.containsKey(Field.REASONING)) {
            return Optional.empty();
        }
        return Optional.of(new FieldMapping(perProblem ? Layout.PROBLEMS : Layout.SAMPLES, recordsAt, fields));
    }

    /** The first path, by the field's preferred names, whose value is (or is not) a list of samples. */
    private static Optional<JsonPath> pick(
            List<String> paths, Field field, boolean list, Set<String> taken, JsonNode first) {
        for (String name : NAMES.getOrDefault(field, List.of())) {
            for (String path : paths) {
                if (taken.contains(path) || !lastName(path).equals(name)) {
                    continue;
                }
                JsonPath parsed = JsonPath.parse(path);
                JsonNode value = parsed.one(first);
                boolean isList = parsed.isList() || value != null && value.isArray();
                boolean isValue = parsed.isList()
                        ? !parsed.all(first).isEmpty()
                                && parsed.all(first).get(0).isValueNode()
                        : value != null
                                && (value.isValueNode()
                                        || value.isArray()
                                                && value.size() > 0
                                                && value.get(0).isValueNode());
                if (isList == list && isValue) {
                    taken.add(path);
                    return Optional.of(parsed);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> topLevel(List<String> paths) {
        return paths.stream()
                .filter(path -> !path.contains(".") && !path.contains("[]"))
                .toList();
    }

    private static String lastName(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.replace("[]", "").toLowerCase(Locale.ROOT);
    }
}
