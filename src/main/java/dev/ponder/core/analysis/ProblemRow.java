package dev.ponder.core.analysis;

import java.util.List;

/**
 * One line of a run's problems table: what a researcher scans to find the interesting problems.
 *
 * @param problemId        the problem's id in the workspace
 * @param key              its key
 * @param question         its statement on one line (may be empty)
 * @param gold             its reference answer, or {@code null}
 * @param samples          its analysed samples
 * @param passRate         correct over graded, NaN when none is graded
 * @param majorityAnswer   the answer most samples gave (maj@N), or {@code null} when none gave one
 * @param majorityCorrect  that answer's verdict, {@code null} when ungraded or absent
 * @param margin           the leader's vote share minus the runner-up's
 * @param entropyBits      the vote entropy in bits
 * @param meanTokens       mean thinking tokens (else total), NaN without counts
 * @param maxTokens        the most any sample spent, -1 without counts
 * @param firstCorrectAt   mean position of the first correct stated answer as a share of its trace, over the
 *                         samples that state one; NaN when none does or the traces were not read yet
 * @param difficulty       difficulty level by pass rate, 1 easiest; -1 when ungraded
 * @param tags             tags on the problem or on its samples in this run, sorted
 * @param rightToWrong     whether a sample of it turned from right to wrong between rounds (multi-round thinking)
 */
public record ProblemRow(
        long problemId,
        String key,
        String question,
        String gold,
        int samples,
        double passRate,
        String majorityAnswer,
        Boolean majorityCorrect,
        double margin,
        double entropyBits,
        double meanTokens,
        int maxTokens,
        double firstCorrectAt,
        int difficulty,
        List<String> tags,
        boolean rightToWrong) {

    public ProblemRow {
        tags = List.copyOf(tags);
    }

    /** Whether some answer was right early (in the first half of the trace, on average) and thinking went on. */
    public boolean foundEarly() {
        return firstCorrectAt <= 0.5;
    }

    /** The row, marked as having (or not) a sample that turned from right to wrong between rounds. */
    public ProblemRow withRightToWrong(boolean turned) {
        return new ProblemRow(
                problemId,
                key,
                question,
                gold,
                samples,
                passRate,
                majorityAnswer,
                majorityCorrect,
                margin,
                entropyBits,
                meanTokens,
                maxTokens,
                firstCorrectAt,
                difficulty,
                tags,
                turned);
    }

    public ProblemRow withTags(List<String> newTags) {
        return new ProblemRow(
                problemId,
                key,
                question,
                gold,
                samples,
                passRate,
                majorityAnswer,
                majorityCorrect,
                margin,
                entropyBits,
                meanTokens,
                maxTokens,
                firstCorrectAt,
                difficulty,
                newTags,
                rightToWrong);
    }

    public ProblemRow withFirstCorrectAt(double share) {
        return new ProblemRow(
                problemId,
                key,
                question,
                gold,
                samples,
                passRate,
                majorityAnswer,
                majorityCorrect,
                margin,
                entropyBits,
                meanTokens,
                maxTokens,
                share,
                difficulty,
                tags,
                rightToWrong);
    }
}
