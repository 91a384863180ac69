package dev.ponder.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a problem's samples voted: each answer cluster with its votes, share, summed reward score and verdict,
 * most votes first (ties: the answer seen first), then the samples that gave no answer. The margin is the
 * leader's share minus the runner-up's; the entropy, in bits, is over all groups including "no answer".
 */
public record VoteDistribution(
        long problemId, int samples, List<Cluster> clusters, int noAnswer, double margin, double entropyBits) {

    /**
     * One answer and its voters.
     *
     * @param answer     the answer as the first of its samples wrote it
     * @param key        the voting key equivalent answers share
     * @param votes      how many samples gave it
     * @param share      votes over all samples
     * @param scoreSum   the summed reward scores of its samples, NaN when none has a score
     * @param correct    its verdict, {@code null} when ungraded
     */
    public record Cluster(String answer, String key, int votes, double share, double scoreSum, Boolean correct) {}

    public static VoteDistribution of(RunColumns run, int problem) {
        int n = run.size(problem);
        int groups = run.clusters(problem);
        int[] votes = new int[groups];
        double[] scores = new double[groups];
        boolean[] scored = new boolean[groups];
        int noAnswer = 0;
        for (int s = run.first(problem); s < run.first(problem) + n; s++) {
            int cluster = run.cluster[s];
            if (cluster == RunColumns.NO_ANSWER) {
                noAnswer++;
                continue;
            }
            votes[cluster]++;
            if (!Double.isNaN(run.score[s])) {
                scores[cluster] += run.score[s];
                scored[cluster] = true;
            }
        }
        List<Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < groups; c++) {
            byte verdict = run.clusterCorrect[problem][c];
            clusters.add(new Cluster(
                    run.clusterAnswers[problem][c],
                    run.clusterKeys[problem][c],
                    votes[c],
                    (double) votes[c] / n,
                    scored[c] ? scores[c] : Double.NaN,
                    verdict == RunColumns.UNGRADED ? null : verdict == 1));
        }
        // Stable: equal votes keep first-seen order, as cluster ids follow first appearance.
        clusters.sort(Comparator.comparingInt(Cluster::votes).reversed());
        List<Integer> counts =
                new ArrayList<>(clusters.stream().map(Cluster::votes).toList());
        if (noAnswer > 0) {
            counts.add(noAnswer);
        }
        counts.sort(Comparator.reverseOrder());
        double margin =
                counts.isEmpty() ? Double.NaN : ((double) counts.get(0) - (counts.size() > 1 ? counts.get(1) : 0)) / n;
        double entropy = 0;
        for (int count : counts) {
            double p = (double) count / n;
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return new VoteDistribution(
                run.problemId(problem),
                n,
                List.copyOf(clusters),
                noAnswer,
                margin,
                counts.isEmpty() ? Double.NaN : entropy + 0.0);
    }
}
