package dev.ponder.core.model;

import java.util.Objects;

/**
 * One generated chain of thought for a problem within a run.
 *
 * @param id             the workspace's id; {@code 0} for a sample not stored yet
 * @param runId          the run it belongs to; {@code 0} while not stored
 * @param problemId      the problem it answers; {@code 0} while not stored
 * @param index          position among the run's samples for this problem and round
 * @param round          the thinking round (multi-round thinking); {@code 0} for single-round runs
 * @param text           the full generated text
 * @param thinking       where the thinking lies in {@code text}, or {@code null} if the trace has none
 * @param truncated      true when the thinking never closed: generation was cut off
 * @param answer         the answer part and its extracted and normalised forms
 * @param correct        the grader's verdict, or {@code null} if ungraded
 * @param tokens         tokens spent
 * @param finishReason   why generation stopped ({@code stop}, {@code length}, ...), if known
 * @param score          a reward-model score for the whole sample (e.g. the last PRM step), if any
 * @param budget         the thinking budget in tokens the sample was generated under, if any
 * @param parentSampleId the sample this one continues (previous round, branch origin), if any
 * @param metaJson       further per-sample fields of the source as a JSON object, or {@code null}
 */
public record Sample(
        long id,
        long runId,
        long problemId,
        int index,
        int round,
        String text,
        ThinkingSpan thinking,
        boolean truncated,
        Answer answer,
        Boolean correct,
        TokenCounts tokens,
        String finishReason,
        Double score,
        Integer budget,
        Long parentSampleId,
        String metaJson) {

    public Sample {
        Checks.nonNegative(id, "id");
        Checks.nonNegative(index, "index");
        Checks.nonNegative(round, "round");
        Objects.requireNonNull(text, "text");
        answer = answer == null ? Answer.NONE : answer;
        tokens = tokens == null ? TokenCounts.UNKNOWN : tokens;
        if (thinking != null && thinking.end() > text.length()) {
            throw new IllegalArgumentException("the thinking span (characters " + thinking.start() + " to "
                    + thinking.end() + ") lies beyond the text's " + text.length() + " characters");
        }
    }

    /** The same sample as stored under the given ids. */
    public Sample stored(long newId, long newRunId, long newProblemId, Long newParentSampleId) {
        return new Sample(
                newId,
                newRunId,
                newProblemId,
                index,
                round,
                text,
                thinking,
                truncated,
                answer,
                correct,
                tokens,
                finishReason,
                score,
                budget,
                newParentSampleId,
                metaJson);
    }

    /** The thinking text, or the empty string when the trace has no thinking. */
    public String thinkingText() {
        return thinking == null ? "" : text.substring(thinking.start(), thinking.end());
    }
}
