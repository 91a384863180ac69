package dev.ponder.core.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which problems the problems table shows: text in the key, question or answers; majority right or wrong;
 * a difficulty level; a range of mean tokens; answer found early then kept thinking; a tag. Unset parts match all.
 *
 * @param text       words to find (ignoring case) in the key, question, gold or majority answer; blank for any
 * @param majority   the majority answer's verdict to keep
 * @param difficulty the level to keep (1 easiest), or 0 for any
 * @param minTokens  least mean tokens, or {@code null}
 * @param maxTokens  most mean tokens, or {@code null}
 * @param foundEarly keep only problems whose first correct answer came in the first half of the trace on average
 * @param tag        a tag the problem or one of its samples must carry, or {@code null}
 * @param rightToWrong keep only problems with a sample that turned from right to wrong between rounds
 */
public record ProblemFilter(
        String text,
        Majority majority,
        int difficulty,
        Double minTokens,
        Double maxTokens,
        boolean foundEarly,
        String tag,
        boolean rightToWrong)
        implements Predicate<ProblemRow> {

    /** The majority verdicts one can filter on. */
    public enum Majority {
        ANY,
        RIGHT,
        WRONG
    }

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static final ProblemFilter ALL = new ProblemFilter("", Majority.ANY, 0, null, null, false, null, false);

    public ProblemFilter {
        text = text == null ? "" : text.strip();
        majority = majority == null ? Majority.ANY : majority;
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    public ProblemFilter(
            String text,
            Majority majority,
            int difficulty,
            Double minTokens,
            Double maxTokens,
            boolean foundEarly,
            String tag) {
        this(text, majority, difficulty, minTokens, maxTokens, foundEarly, tag, false);
    }

    @Override
    public boolean test(ProblemRow row) {
        if (rightToWrong && !row.rightToWrong()) {
            return false;
        }
        if (majority == Majority.RIGHT && !Boolean.TRUE.equals(row.majorityCorrect())
                || majority == Majority.WRONG && !Boolean.FALSE.equals(row.majorityCorrect())) {
            return false;
        }
        if (difficulty != 0 && row.difficulty() != difficulty) {
            return false;
        }
        if (minTokens != null && !(row.meanTokens() >= minTokens)
                || maxTokens != null && !(row.meanTokens() <= maxTokens)) {
            return false;
        }
        if (foundEarly && !row.foundEarly()) {
            return false;
        }
        if (tag != null && row.tags().stream().noneMatch(tag::equalsIgnoreCase)) {
            return false;
        }
        return text.isEmpty() || matchesText(row);
    }

    /** Every word must appear somewhere in the row's key, question, gold or majority answer. */
    private boolean matchesText(ProblemRow row) {
        String haystack = (row.key() + '\n' + row.question() + '\n' + row.gold() + '\n' + row.majorityAnswer())
                .toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The filter as a saved spec. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a filter is plain data", e);
        }
    }

    /** A saved spec read back; fields a newer Ponder added are ignored, missing ones match all. */
    public static ProblemFilter fromJson(String json) {
        try {
            return JSON.readValue(json, ProblemFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a saved problem filter: " + e.getOriginalMessage(), e);
        }
    }

    /** One condition of a filter as a person names it, and the filter without it. */
    public record Part(String label, ProblemFilter without) {}

    /** Each condition this filter sets, in the order the window's controls show them; none for {@link #ALL}. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public java.util.List<Part> parts() {
        java.util.List<Part> parts = new java.util.ArrayList<>();
        if (!text.isEmpty()) {
            parts.add(new Part("“" + text + "”", withText("")));
        }
        if (majority != Majority.ANY) {
            parts.add(new Part(
                    "majority " + (majority == Majority.RIGHT ? "right" : "wrong"),
                    new ProblemFilter(
                            text, Majority.ANY, difficulty, minTokens, maxTokens, foundEarly, tag, rightToWrong)));
        }
        if (difficulty != 0) {
            parts.add(new Part(
                    "level " + difficulty,
                    new ProblemFilter(text, majority, 0, minTokens, maxTokens, foundEarly, tag, rightToWrong)));
        }
        if (minTokens != null) {
            parts.add(new Part(
                    String.format(Locale.ROOT, "≥ %,.0f tokens", minTokens),
                    new ProblemFilter(text, majority, difficulty, null, maxTokens, foundEarly, tag, rightToWrong)));
        }
        if (maxTokens != null) {
            parts.add(new Part(
                    String.format(Locale.ROOT, "≤ %,.0f tokens", maxTokens),
                    new ProblemFilter(text, majority, difficulty, minTokens, null, foundEarly, tag, rightToWrong)));
        }
        if (foundEarly) {
            parts.add(new Part(
                    "right early, kept thinking",
                    new ProblemFilter(text, majority, difficulty, minTokens, maxTokens, false, tag, rightToWrong)));
        }
        if (rightToWrong) {
            parts.add(new Part(
                    "turned right → wrong",
                    new ProblemFilter(text, majority, difficulty, minTokens, maxTokens, foundEarly, tag, false)));
        }
        if (tag != null) {
            parts.add(new Part(
                    "tag " + tag,
                    new ProblemFilter(
                            text, majority, difficulty, minTokens, maxTokens, foundEarly, null, rightToWrong)));
        }
        return parts;
    }

    private ProblemFilter withText(String newText) {
        return new ProblemFilter(newText, majority, difficulty, minTokens, maxTokens, foundEarly, tag, rightToWrong);
    }

    /** Whether this filter shows every problem. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isAll() {
        return equals(ALL);
    }
}
