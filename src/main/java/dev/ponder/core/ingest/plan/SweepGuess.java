package dev.ponder.core.ingest.plan;

import dev.ponder.core.model.RunAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a sweep from the names of its files: runs of one sweep are usually named alike except for one number
 * ({@code aime_budget_1024.jsonl}, {@code aime_budget_2048.jsonl}, or {@code ..._8k}). The word before that
 * number says what it is: a seed, a temperature, max tokens, and otherwise a thinking budget. Numbers that
 * look like repeat counters or sample counts ({@code run_1}, {@code n16}) are not taken for anything.
 */
public final class SweepGuess {
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)([kK](?![a-zA-Z]))?");
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\.(jsonl|json|eval|parquet|csv|gz|zst)$");
    private static final Set<String> NOT_A_SETTING = Set.of(
            "n", "k", "pass", "maj", "bon", "samples", "sample", "run", "rep", "repeat", "epoch", "epochs", "v",
            "version", "step", "steps", "iter", "round", "rounds", "part", "shard", "of", "top", "best", "qwen",
            "llama", "r", "o", "gpt", "phi", "gemma", "aime", "amc", "math");
    /** A thinking budget or token cap below this is more likely a counter than a budget. */
    private static final long SMALLEST_BUDGET = 128;

    /**
     * What varies across these files' names.
     *
     * @param attribute what the varying number is
     * @param values    each name's value in the order given, as the attribute is stored
     * @param pattern   the shared name with the number replaced by {@code *}, e.g. {@code aime_budget_*}, to name
     *                  the sweep's group
     */
    public record Sweep(RunAttribute attribute, List<String> values, String pattern) {}

    private SweepGuess() {}

    /**
     * The sweep these names make (file names, or folder paths), if they differ in exactly one number that reads
     * as a setting.
     */
    public static Optional<Sweep> of(List<String> fileNames) {
        if (fileNames.size() < 2) {
            return Optional.empty();
        }
        List<Name> names = fileNames.stream().map(Name::of).toList();
        Name first = names.get(0);
        if (names.stream().anyMatch(name -> !name.skeleton.equals(first.skeleton))) {
            return Optional.empty();
        }
        int varying = -1;
        for (int position = 0; position < first.numbers.size(); position++) {
            int at = position;
            if (names.stream().map(name -> name.numbers.get(at)).distinct().count() > 1) {
                if (varying >= 0) {
                    return Optional.empty();
                }
                varying = position;
            }
        }
        if (varying < 0) {
            return Optional.empty();
        }
        Optional<RunAttribute> attribute = attributeBefore(first.textBefore(varying));
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (Name name : names) {
            Optional<String> value = value(attribute.get(), name.numbers.get(varying));
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(new Sweep(attribute.get(), values, first.pattern(varying)));
    }

    /** What the word just before the number names. */
    private static Optional<RunAttribute> attributeBefore(String text) {
        String word = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+$", "");
        String squeezed = word.replaceAll("[^a-z]", "");
        Matcher last = Pattern.compile("[a-z]+$").matcher(word);
        String lastWord = last.find() ? last.group() : "";
        if (lastWord.equals("seed") || lastWord.equals("seeds")) {
            return Optional.of(RunAttribute.SEED);
        }
        if (lastWord.equals("temp")
                || lastWord.equals("temperature")
                || lastWord.equals("t")
                || lastWord.equals("tau")) {
            return Optional.of(RunAttribute.TEMPERATURE);
        }
        if (squeezed.endsWith("maxtokens")
                || squeezed.endsWith("maxnewtokens")
                || squeezed.endsWith("maxtok")
                || squeezed.endsWith("maxgentoks")
                || squeezed.endsWith("maxlen")
                || lastWord.equals("mnt")) {
            return Optional.of(RunAttribute.MAX_TOKENS);
        }
        if (NOT_A_SETTING.contains(lastWord)) {
            return Optional.empty();
        }
        return Optional.of(RunAttribute.BUDGET);
    }

    private static Optional<String> value(RunAttribute attribute, Num number) {
        if (attribute == RunAttribute.TEMPERATURE) {
            return number.thousands ? Optional.empty() : Optional.of(number.text);
        }
        if (number.text.contains(".")) {
            return Optional.empty();
        }
        long value = Long.parseLong(number.text);
        if (attribute == RunAttribute.SEED) {
            return number.thousands ? Optional.empty() : Optional.of(String.valueOf(value));
        }
        // "8k" tokens means 8192 in this field, as in "32k context".
        long tokens = number.thousands ? value * 1024 : value;
        return tokens >= SMALLEST_BUDGET ? Optional.of(String.valueOf(tokens)) : Optional.empty();
    }

    private record Num(String text, boolean thousands) {}

    /** A file name taken apart into its numbers and the text around them. */
    private record Name(List<String> texts, List<Num> numbers, String skeleton) {
        static Name of(String fileName) {
            String name = fileName;
            for (Matcher extension = EXTENSION.matcher(name); extension.find(); extension = EXTENSION.matcher(name)) {
                name = name.substring(0, extension.start());
            }
            List<String> texts = new ArrayList<>();
            List<Num> numbers = new ArrayList<>();
            Matcher matcher = NUMBER.matcher(name);
            int from = 0;
            while (matcher.find()) {
                texts.add(name.substring(from, matcher.start()));
                numbers.add(new Num(matcher.group(1), matcher.group(2) != null));
                from = matcher.end();
            }
            texts.add(name.substring(from));
            return new Name(texts, numbers, String.join("#", texts));
        }

        String textBefore(int number) {
            return texts.get(number);
        }

        String pattern(int varying) {
            StringBuilder pattern = new StringBuilder(texts.get(0));
            for (int i = 0; i < numbers.size(); i++) {
                Num number = numbers.get(i);
                pattern.append(i == varying ? "*" : number.text + (number.thousands ? "k" : ""))
                        .append(texts.get(i + 1));
            }
            return pattern.toString();
        }
    }
}
