package dev.ponder.core.trace;

import dev.ponder.core.answer.Grader;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers a trace states along the way, in order, each where its statement ends (as a character offset and
 * as a token position, read in proportion to the sample's token count) and with its verdict; the first correct
 * one, and the tokens spent after it.
 *
 * @param entries the stated answers in order
 * @param tokens  the sample's tokens
 */
public record AnswerTimeline(List<Entry> entries, int tokens) {

    /**
     * One stated answer.
     *
     * @param thought  the index of the thought that states it
     * @param answer   the answer as stated
     * @param charEnd  where its statement ends in the sample's text
     * @param tokenEnd the token position of that end
     * @param correct  its verdict, {@code null} when there is no gold answer
     */
    public record Entry(int thought, String answer, int charEnd, int tokenEnd, Boolean correct) {}

    public AnswerTimeline {
        entries = List.copyOf(entries);
    }

    public static AnswerTimeline of(TraceStructure structure, int textLength, int tokens, String gold, Grader grader) {
        List<Entry> entries = new ArrayList<>();
        List<Thought> thoughts = structure.thoughts();
        for (int i = 0; i < thoughts.size(); i++) {
            Thought thought = thoughts.get(i);
            if (thought.answer() != null) {
                entries.add(new Entry(
                        i,
                        thought.answer(),
                        thought.answerEnd(),
                        tokenAt(thought.answerEnd(), textLength, tokens),
                        grader.grade(thought.answer(), gold)));
            }
        }
        return new AnswerTimeline(entries, tokens);
    }

    /** The first correct answer's index in {@link #entries}, or -1. */
    public int firstCorrect() {
        for (int i = 0; i < entries.size(); i++) {
            if (Boolean.TRUE.equals(entries.get(i).correct())) {
                return i;
            }
        }
        return -1;
    }

    /** Tokens after the end of the first correct answer's statement, or -1 when none is correct. */
    public int tokensAfterFirstCorrect() {
        int first = firstCorrect();
        return first < 0 ? -1 : Math.max(0, tokens - entries.get(first).tokenEnd());
    }

    /** The token position of a character offset, in proportion. */
    static int tokenAt(int offset, int textLength, int tokens) {
        if (textLength == 0) {
            return 0;
        }
        return (int) Math.round((double) Math.min(offset, textLength) * tokens / textLength);
    }
}
