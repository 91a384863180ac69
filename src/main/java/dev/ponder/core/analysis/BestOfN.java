package dev.ponder.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Best-of-N with reward scores, by search-and-learn's rules ({@code sal/utils/math.py}) over the first N samples
 * of each problem: a sample's score is its last step's PRM score (what Ponder stores as the sample score);
 * <b>weighted</b> picks the answer whose samples' scores sum highest ({@code pred_weighted@n}), <b>naive</b>
 * the single highest-scoring sample ({@code pred_naive@n}). Ties go to the answer or sample seen first, as
 * Python's {@code max} over an insertion-ordered dict and a stable sort do. Samples without an answer form one
 * group that is never correct. A problem counts when its first N samples all have scores and the choice has a
 * verdict: the answer cluster's for weighted, the chosen sample's own for naive.
 */
public final class BestOfN {
    private BestOfN() {}

    /** The weighted and naive curves. */
    public record Curves(List<CurvePoint> weighted, List<CurvePoint> naive) {}

    public static Curves curves(RunColumns run, List<Integer> ks) {
        List<CurvePoint> weighted = new ArrayList<>();
        List<CurvePoint> naive = new ArrayList<>();
        for (int k : ks) {
            double[] w = new double[run.problems()];
            double[] n = new double[run.problems()];
            for (int p = 0; p < run.problems(); p++) {
                w[p] = weighted(run, p, k);
                n[p] = naive(run, p, k);
            }
            double tokens = Spend.firstK(run, k);
            weighted.add(CurvePoint.of(k, w, tokens));
            naive.add(CurvePoint.of(k, n, tokens));
        }
        return new Curves(weighted, naive);
    }

    /** 1 if the answer with the largest summed score among the first k samples is correct, 0 if not, else NaN. */
    public static double weighted(RunColumns run, int problem, int k) {
        int chosen = weightedChoice(run, problem, k);
        return chosen < 0 ? Double.NaN : MajorityVote.verdict(run, problem, chosen);
    }

    /** The group (answer cluster, or "no answer") chosen by weighted best-of-k, or -1 when it cannot be chosen. */
    static int weightedChoice(RunColumns run, int problem, int k) {
        if (run.size(problem) < k) {
            return -1;
        }
        int groups = run.clusters(problem) + 1;
        double[] sums = new double[groups];
        int[] firstSeen = new int[groups];
        java.util.Arrays.fill(firstSeen, Integer.MAX_VALUE);
        int first = run.first(problem);
        for (int i = 0; i < k; i++) {
            double score = run.score[first + i];
            if (Double.isNaN(score)) {
                return -1;
            }
            int group = MajorityVote.group(run, problem, first + i);
            sums[group] += score;
            firstSeen[group] = Math.min(firstSeen[group], i);
        }
        int best = -1;
        for (int g = 0; g < groups; g++) {
            if (firstSeen[g] == Integer.MAX_VALUE) {
                continue;
            }
            if (best < 0 || sums[g] > sums[best] || sums[g] == sums[best] && firstSeen[g] < firstSeen[best]) {
                best = g;
            }
        }
        return best;
    }

    /** 1 if the highest-scoring of the first k samples is correct, 0 if not, NaN if it cannot be told. */
    public static double naive(RunColumns run, int problem, int k) {
        int chosen = naiveChoice(run, problem, k);
        if (chosen < 0) {
            return Double.NaN;
        }
        byte verdict = run.correct[chosen];
        return verdict == RunColumns.UNGRADED ? Double.NaN : verdict;
    }

    /** The sample chosen by naive best-of-k, or -1. */
    static int naiveChoice(RunColumns run, int problem, int k) {
        if (run.size(problem) < k) {
            return -1;
        }
        int first = run.first(problem);
        int best = -1;
        for (int s = first; s < first + k; s++) {
            if (Double.isNaN(run.score[s])) {
                return -1;
            }
            if (best < 0 || run.score[s] > run.score[best]) {
                best = s;
            }
        }
        return best;
    }
}
