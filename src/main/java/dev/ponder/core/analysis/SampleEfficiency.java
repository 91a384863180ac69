package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.MathEquivalence;
import dev.ponder.core.trace.AnswerTimeline;
import dev.ponder.core.trace.TraceStructure;
import java.util.HashSet;
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
public record SampleEfficiency(
        int tokens,
        int firstCorrectAt,
        int distinctTokens,
        int thoughts,
        int markers,
        int solutions,
        int flipsToWrong,
        int flipsToRight) {

    public static SampleEfficiency of(
            TraceStructure structure, int textLength, int tokens, String gold, Grader grader) {
        AnswerTimeline timeline = AnswerTimeline.of(structure, textLength, tokens, gold, grader);
        int first = timeline.firstCorrect();
        int distinct = 0;
        int previousEnd = 0;
        Boolean previous = null;
        int toWrong = 0;
        int toRight = 0;
        Set<String> seen = new HashSet<>();
        for (AnswerTimeline.Entry solution : timeline.entries()) {
            int end = solution.tokenEnd();
            if (seen.add(MathEquivalence.key(solution.answer()))) {
                distinct += Math.max(0, end - previousEnd);
            }
            Boolean verdict = solution.correct();
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
        return new SampleEfficiency(
                tokens,
                first < 0 ? -1 : timeline.entries().get(first).tokenEnd(),
                distinct,
                structure.thoughts().size(),
                structure.markers(),
                timeline.entries().size(),
                toWrong,
                toRight);
    }
}
