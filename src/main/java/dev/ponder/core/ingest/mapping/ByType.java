package dev.ponder.core.ingest.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.mapping.FieldMapping.Field;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The second look of a mapping guess, for the fields no common name found: a field whose name has a telling part
 * ({@code answer_key}, {@code isRight}, {@code n_gen_tokens}) and whose values have the field's type; failing that,
 * the type alone: the longest text is the generated text, the one true/false field is the verdict.
 */
final class ByType {
    private static final Map<Field, Set<String>> PARTS = Map.of(
            Field.QUESTION, Set.of("question", "problem", "prompt", "query", "instruction", "input", "task"),
            Field.TRACE,
                    Set.of(
                            "response",
                            "responses",
                            "output",
                            "outputs",
                            "generation",
                            "generations",
                            "completion",
                            "completions",
                            "trace",
                            "traces",
                            "cot",
                            "reasoning"),
            Field.GOLD, Set.of("gold", "gt", "truth", "target", "reference", "ref", "expected", "key", "solution"),
            Field.ANSWER, Set.of("pred", "predicted", "prediction", "extracted", "final", "parsed"),
            Field.CORRECT,
                    Set.of(
                            "correct",
                            "correctness",
                            "right",
                            "ok",
                            "pass",
                            "passed",
                            "acc",
                            "accuracy",
                            "match",
                            "em",
                            "verdict",
                            "success",
                            "solved"),
            Field.TOKENS, Set.of("token", "tokens", "ntokens", "len", "length"));
    /** Parts of names that point at a value rather than hold it: lighteval's {@code gold_index} into its choices. */
    private static final Set<String> POINTERS = Set.of("index", "idx", "id", "ids", "indices", "position", "pos");
    /** In the order they are looked for: what is taken by one is not offered to the next. */
    private static final List<Field> ORDER =
            List.of(Field.QUESTION, Field.TRACE, Field.GOLD, Field.ANSWER, Field.CORRECT, Field.TOKENS);
    /** A generated text found by its length alone is at least this long on average. */
    private static final int LONG_TEXT = 200;

    private ByType() {}

    static void fillIn(
            Map<Field, JsonPath> fields, List<String> paths, boolean perProblem, Set<String> taken, JsonNode first) {
        for (Field field : ORDER) {
            if (fields.containsKey(field)) {
                continue;
            }
            boolean list = perProblem && field != Field.QUESTION && field != Field.GOLD;
            Optional<String> found = paths.stream()
                    .filter(path -> !taken.contains(path) && named(path, PARTS.get(field)))
                    .filter(path -> !named(path, POINTERS) || field == Field.TOKENS)
                    .filter(path ->
                            values(path, list, first).filter(fits(field)).isPresent())
                    .findFirst();
            if (found.isEmpty() && field == Field.TRACE) {
                found = longestText(paths, list, taken, first);
            }
            if (found.isEmpty() && field == Field.CORRECT) {
                List<String> verdicts = paths.stream()
                        .filter(path -> !taken.contains(path))
                        .filter(path -> values(path, list, first)
                                .filter(all(JsonNode::isBoolean))
                                .isPresent())
                        .toList();
                found = verdicts.size() == 1 ? Optional.of(verdicts.get(0)) : Optional.empty();
            }
            found.ifPresent(path -> {
                taken.add(path);
                fields.put(field, JsonPath.parse(path));
            });
        }
    }

    /** The field with the longest texts, when they are long enough to be generated text. */
    static Optional<String> longestText(List<String> paths, boolean list, Set<String> taken, JsonNode first) {
        return paths.stream()
                .filter(path -> !taken.contains(path))
                .filter(path -> values(path, list, first)
                        .filter(all(JsonNode::isTextual))
                        .isPresent())
                .filter(path -> meanLength(path, list, first) >= LONG_TEXT)
                .max(Comparator.comparingDouble(path -> meanLength(path, list, first)));
    }

    private static double meanLength(String path, boolean list, JsonNode first) {
        return values(path, list, first)
                .map(values -> values.stream()
                        .mapToInt(value -> value.asText().length())
                        .average()
                        .orElse(0))
                .orElse(0.0);
    }

    /** The path's values in the first record: one value, or a list's elements; empty where the shape differs. */
    private static Optional<List<JsonNode>> values(String path, boolean list, JsonNode first) {
        JsonPath parsed = JsonPath.parse(path);
        JsonNode one = parsed.isList() ? null : parsed.one(first);
        boolean isList = parsed.isList() || one != null && one.isArray();
        if (isList != list) {
            return Optional.empty();
        }
        List<JsonNode> values = list ? parsed.all(first) : one == null ? List.of() : List.of(one);
        boolean plain = !values.isEmpty() && values.stream().allMatch(JsonNode::isValueNode);
        return plain ? Optional.of(values) : Optional.empty();
    }

    private static Predicate<List<JsonNode>> fits(Field field) {
        return switch (field) {
            case QUESTION, TRACE -> all(JsonNode::isTextual);
            case GOLD, ANSWER -> all(value -> value.isTextual() || value.isNumber());
            case CORRECT ->
                all(value ->
                        value.isBoolean() || value.isIntegralNumber() && (value.asInt() == 0 || value.asInt() == 1));
            case TOKENS -> all(value -> value.isIntegralNumber() && value.asLong() >= 0);
            default -> values -> false;
        };
    }

    private static Predicate<List<JsonNode>> all(Predicate<JsonNode> each) {
        return values -> values.stream().allMatch(each);
    }

    /** Whether the path's last name has one of the parts, split at punctuation and camel case. */
    private static boolean named(String path, Set<String> parts) {
        String last = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
        return Arrays.stream(last.split("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])"))
                .map(part -> part.toLowerCase(Locale.ROOT))
                .anyMatch(parts::contains);
    }
}
