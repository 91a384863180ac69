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
 */
public record ProblemFilter(
        String text,
        Majority majority,
        int difficulty,
        Double minTokens,
        Double maxTokens,
        boolean foundEarly,
        String tag)
        implements Predicate<ProblemRow> {

    /** The majority verdicts one can filter on. */
    public enum Majority {
        ANY,
        RIGHT,
        WRONG
    }

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static final ProblemFilter ALL = new ProblemFilter("", Majority.ANY, 0, null, null, false, null);

    public ProblemFilter {
        text = text == null ? "" : text.strip();
        majority = majority == null ? Majority.ANY : majority;
        tag = tag == null || tag.isBlank() ? null : tag.strip();
    }

    @Override
    public boolean test(ProblemRow row) {
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

    /** Whether this filter shows every problem. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isAll() {
        return equals(ALL);
    }
}
