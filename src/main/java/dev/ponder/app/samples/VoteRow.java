package dev.ponder.app.samples;

import dev.ponder.core.analysis.VoteDistribution;

/**
 * One bar of a problem's vote distribution: an answer cluster, or the samples that gave no answer.
 *
 * @param key      the cluster's voting key; {@code null} for "no answer"
 * @param scoreSum summed reward scores, NaN when none
 * @param correct  the cluster's verdict, {@code null} when ungraded or for "no answer"
 */
public record VoteRow(String answer, String key, int votes, double share, double scoreSum, Boolean correct) {

    static VoteRow of(VoteDistribution.Cluster cluster) {
        return new VoteRow(
                cluster.answer(),
                cluster.key(),
                cluster.votes(),
                cluster.share(),
                cluster.scoreSum(),
                cluster.correct());
    }

    static VoteRow noAnswer(int votes, int samples) {
        return new VoteRow("(no answer)", null, votes, (double) votes / samples, Double.NaN, null);
    }

    /** Whether this is the gold answer's cluster. */
    public boolean isGold() {
        return Boolean.TRUE.equals(correct);
    }
}
