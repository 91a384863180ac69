package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.MathEquivalence;
import dev.ponder.core.trace.Thought;
import dev.ponder.core.trace.TraceStructure;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One sample's overthinking facts ("Do NOT Think That Much for 2+3=?", arXiv 2412.21187): the solutions are
 * the trace's stated answers in order (a solution runs from the end of the previous one to the end of its
 * answer statement); token positions are read from character offsets in proportion to the sample's token count.
 * Distinct intermediate answers stand in for the paper's solution clusters.
 *
 * @param tokens            T, the sample's tokens
 * @param firstCorrectAt    T̂, the token position where the first correct solution ends, or -1 when none is correct
 * @param distinctTokens    D, tokens of the solutions whose answer is new (process efficiency's numerator)
 * @param thoughts          thoughts in the trace
 * @param markers           reflection markers in the thinking
 * @param solutions         stated answers along the trace
 * @param flipsToWrong      times a correct answer was followed by a wrong one
 * @param flipsToRight      times a wrong answer was followed by a correct one
 */
public record SampleEfficiency(int tokens, int firstCorrectAt, int distinctTokens, int thoughts, int markers,
                               int solutions, int flipsToWrong, int flipsToRight) {

    public static SampleEfficiency of(TraceStructure structure, int textLength, int tokens, String gold, Grader grader) {
        List<Thought> answers = structure.answers();
        int firstCorrectAt = -1;
        int distinct = 0;
        int previousEnd = 0;
        Boolean previous = null;
        int toWrong = 0;
        int toRight = 0;
        Set<String> seen = new HashSet<>();
        for (Thought solution : answers) {
            int end = tokenAt(solution.answerEnd(), textLength, tokens);
            Boolean verdict = grader.grade(solution.answer(), gold);
            if (Boolean.TRUE.equals(verdict) && firstCorrectAt < 0) {
                firstCorrectAt = end;
            }
            String key = MathEquivalence.key(solution.answer());
            if (seen.add(key)) {
                distinct += Math.max(0, end - previousEnd);
            }
            if (verdict != null && previous != null && !verdict.equals(previous)) {
                if (verdict) {
                    toRight++;
                } else {
                    toWrong++;
                }
            }
            if (verdict != null) {
                previous = verdict;
            }
            previousEnd = Math.max(previousEnd, end);
        }
        return new SampleEfficiency(tokens, firstCorrectAt, distinct, structure.thoughts().size(), structure.markers(),
                answers.size(), toWrong, toRight);
    }

    /** The token position of a character offset, in proportion. */
    static int tokenAt(int offset, int textLength, int tokens) {
        if (textLength == 0) {
            return 0;
        }
        return (int) Math.round((double) Math.min(offset, textLength) * tokens / textLength);
    }
}
