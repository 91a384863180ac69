package dev.ponder.core.analysis;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * maj@k: whether the most common answer among k samples is correct. Two variants, both reported:
 * <ul>
 *   <li><b>first k</b>, as s1 and search-and-learn report it ({@code pred_maj@k}): the first k samples in order;
 *       a tie goes to the answer seen first;</li>
 *   <li><b>expected</b>: the mean over random k-subsets, ties split evenly among the tied answers (which is
 *       "first seen wins" when the subset comes in random order). Exact for k = 1, k = n and wherever the
 *       subsets are few enough to enumerate; otherwise a seeded Monte-Carlo estimate whose draw count is stated.</li>
 * </ul>
 * Samples without an answer vote together as "no answer", which is never correct, as search-and-learn's empty
 * extraction does. A problem counts for a k when it has at least k samples and the winning answer has a verdict.
 */
public final class MajorityVote {
    /** Subsets up to this many are enumerated instead of sampled. */
    static final long ENUMERATION_LIMIT = 4096;

    /** How maj@k was computed, for the record. */
    public record Curves(List<CurvePoint> expected, List<CurvePoint> firstK, int draws, long seed, boolean exact) {}

    private MajorityVote() {}

    public static Curves curves(RunColumns run, List<Integer> ks, int draws, long seed) {
        return curves(run, ks, draws, seed, 0);
    }

    /**
     * As {@link #curves(RunColumns, List, int, long)}, with bootstrap intervals when {@code resamples > 0}. Problems
     * and ks are worked on in parallel; every random choice is seeded by problem and k, so the figures do not
     * depend on the threads.
     */
    public static Curves curves(RunColumns run, List<Integer> ks, int draws, long seed, int resamples) {
        List<CurvePoint[]> points = ks.parallelStream()
                .map(k -> {
                    double[] random = new double[run.problems()];
                    IntStream.range(0, run.problems())
                            .parallel()
                            .forEach(p -> random[p] = expected(run, p, k, draws, seed));
                    double[] first = firstK(run, k);
                    if (resamples > 0) {
                        return new CurvePoint[] {
                            CurvePoint.withInterval(k, random, Spend.expected(run, k), resamples, seed + 1000 + k),
                            CurvePoint.withInterval(k, first, Spend.firstK(run, k), resamples, seed + 2000 + k)
                        };
                    }
                    return new CurvePoint[] {
                        CurvePoint.of(k, random, Spend.expected(run, k)), CurvePoint.of(k, first, Spend.firstK(run, k))
                    };
                })
                .toList();
        boolean exact = true;
        for (int k : ks) {
            for (int p = 0; p < run.problems(); p++) {
                exact &= run.size(p) < k || isExact(run.size(p), k, draws);
            }
        }
        return new Curves(
                points.stream().map(point -> point[0]).toList(),
                points.stream().map(point -> point[1]).toList(),
                draws,
                seed,
                exact);
    }

    /** maj@k over each problem's first k samples at each k, without intervals: what {@link #curves} gives as first k. */
    public static List<CurvePoint> firstKCurve(RunColumns run, List<Integer> ks) {
        return ks.stream()
                .map(k -> CurvePoint.of(k, firstK(run, k), Spend.firstK(run, k)))
                .toList();
    }

    /** Each problem's {@link #firstK(RunColumns, int, int)} at k. */
    private static double[] firstK(RunColumns run, int k) {
        double[] first = new double[run.problems()];
        for (int p = 0; p < run.problems(); p++) {
            first[p] = firstK(run, p, k);
        }
        return first;
    }

    /** 1 if the majority of the problem's first k samples is correct, 0 if wrong, NaN if it does not count. */
    public static double firstK(RunColumns run, int problem, int k) {
        int winner = firstKChoice(run, problem, k);
        return winner < 0 ? Double.NaN : verdict(run, problem, winner);
    }

    /**
     * The group (answer cluster, or "no answer") most of the problem's first k samples voted for, ties to the one
     * seen first; -1 when the problem has fewer than k samples.
     */
    static int firstKChoice(RunColumns run, int problem, int k) {
        if (run.size(problem) < k || k < 1) {
            return -1;
        }
        int groups = run.clusters(problem) + 1;
        int[] counts = new int[groups];
        int[] firstSeen = new int[groups];
        java.util.Arrays.fill(firstSeen, Integer.MAX_VALUE);
        int first = run.first(problem);
        for (int i = 0; i < k; i++) {
            int group = group(run, problem, first + i);
            counts[group]++;
            firstSeen[group] = Math.min(firstSeen[group], i);
        }
        int winner = -1;
        for (int g = 0; g < groups; g++) {
            if (counts[g] > 0
                    && (winner < 0
                            || counts[g] > counts[winner]
                            || counts[g] == counts[winner] && firstSeen[g] < firstSeen[winner])) {
                winner = g;
            }
        }
        return winner;
    }

    /** The expected correctness of the majority of k random samples of the problem, NaN if it does not count. */
    public static double expected(RunColumns run, int problem, int k, int draws, long seed) {
        int n = run.size(problem);
        if (n < k) {
            return Double.NaN;
        }
        int groups = run.clusters(problem) + 1;
        int[] votes = new int[n];
        for (int i = 0; i < n; i++) {
            votes[i] = group(run, problem, run.first(problem) + i);
        }
        double[] groupVerdict = new double[groups];
        for (int g = 0; g < groups; g++) {
            groupVerdict[g] = verdict(run, problem, g);
        }
        int[] counts = new int[groups];
        if (k == 1) {
            double sum = 0;
            for (int vote : votes) {
                if (Double.isNaN(groupVerdict[vote])) {
                    return Double.NaN;
                }
                sum += groupVerdict[vote];
            }
            return sum / n;
        }
        if (isExact(n, k, draws)) {
            Credit credit = new Credit();
            enumerate(votes, k, 0, 0, counts, groupVerdict, credit);
            return credit.undefined ? Double.NaN : credit.sum / credit.subsets;
        }
        SplittableRandom random = new SplittableRandom(seed ^ (run.problemId(problem) * 0x9E3779B97F4A7C15L) ^ k);
        int[] pool = votes.clone();
        double sum = 0;
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < k; i++) {
                int j = i + random.nextInt(n - i);
                int swap = pool[i];
                pool[i] = pool[j];
                pool[j] = swap;
                counts[pool[i]]++;
            }
            double credit = credit(counts, groupVerdict);
            for (int i = 0; i < k; i++) {
                counts[pool[i]] = 0;
            }
            if (Double.isNaN(credit)) {
                return Double.NaN;
            }
            sum += credit;
        }
        return sum / draws;
    }

    /** Whether the k-subsets of n are enumerated (exact) rather than drawn. */
    static boolean isExact(int n, int k, int draws) {
        return k == 1 || k == n || subsets(n, k) <= Math.max(ENUMERATION_LIMIT, draws);
    }

    /** C(n, k), capped at Long.MAX_VALUE. */
    static long subsets(int n, int k) {
        long result = 1;
        int smaller = Math.min(k, n - k);
        for (int i = 1; i <= smaller; i++) {
            if (result > Long.MAX_VALUE / (n - smaller + i)) {
                return Long.MAX_VALUE;
            }
            result = result * (n - smaller + i) / i;
        }
        return result;
    }

    private static final class Credit {
        double sum;
        long subsets;
        boolean undefined;
    }

    private static void enumerate(
            int[] votes, int k, int from, int chosen, int[] counts, double[] groupVerdict, Credit credit) {
        if (chosen == k) {
            double value = credit(counts, groupVerdict);
            if (Double.isNaN(value)) {
                credit.undefined = true;
            } else {
                credit.sum += value;
            }
            credit.subsets++;
            return;
        }
        for (int i = from; i <= votes.length - (k - chosen); i++) {
            counts[votes[i]]++;
            enumerate(votes, k, i + 1, chosen + 1, counts, groupVerdict, credit);
            counts[votes[i]]--;
        }
    }

    /** The share of the tied leaders that are correct: a tie is split evenly. NaN if a leader has no verdict. */
    private static double credit(int[] counts, double[] groupVerdict) {
        int best = 0;
        for (int count : counts) {
            best = Math.max(best, count);
        }
        double correct = 0;
        int tied = 0;
        for (int g = 0; g < counts.length; g++) {
            if (counts[g] == best) {
                if (Double.isNaN(groupVerdict[g])) {
                    return Double.NaN;
                }
                correct += groupVerdict[g];
                tied++;
            }
        }
        return correct / tied;
    }

    /** A sample's vote: its answer cluster, or the "no answer" group after the clusters. */
    static int group(RunColumns run, int problem, int sample) {
        int cluster = run.cluster[sample];
        return cluster == RunColumns.NO_ANSWER ? run.clusters(problem) : cluster;
    }

    /** A group's answer as its first sample wrote it; {@code null} for "no answer". */
    static String answer(RunColumns run, int problem, int group) {
        return group == run.clusters(problem) ? null : run.clusterAnswers[problem][group];
    }

    /** A group's verdict as 0 or 1; "no answer" is wrong; NaN when the answer has no verdict. */
    static double verdict(RunColumns run, int problem, int group) {
        if (group == run.clusters(problem)) {
            return 0;
        }
        byte verdict = run.clusterCorrect[problem][group];
        return verdict == RunColumns.UNGRADED ? Double.NaN : verdict;
    }
}
