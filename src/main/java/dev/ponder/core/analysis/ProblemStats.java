package dev.ponder.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * One problem's figures, for checking a run problem by problem. Values at a k the problem has too few samples
 * for, or that need what the run lacks (scores, token counts), are NaN.
 *
 * @param problemId       the problem's id in the workspace
 * @param samples         its analysed samples
 * @param graded          those with a verdict
 * @param correct         those graded correct
 * @param passRate        correct over graded, NaN when none is graded
 * @param meanTokens      mean thinking tokens (else total) of the samples with a count
 * @param firstFinish     the verdict of First Finish Search's choice
 * @param atK             the figures at each k
 * @param votes           how the samples voted
 */
public record ProblemStats(
        long problemId,
        int samples,
        int graded,
        int correct,
        double passRate,
        double meanTokens,
        double firstFinish,
        List<AtK> atK,
        VoteDistribution votes) {

    /**
     * The problem's figures at one k.
     *
     * @param passAtK     unbiased pass@k
     * @param majExpected expected maj@k over random k-subsets
     * @param majFirstK   maj@k of the first k samples
     * @param weighted    weighted best-of-k over the first k samples
     * @param naive       naive best-of-k over the first k samples
     */
    public record AtK(int k, double passAtK, double majExpected, double majFirstK, double weighted, double naive) {}

    public static ProblemStats of(RunColumns run, int problem, List<Integer> ks, StatsOptions options) {
        int graded = run.gradedCount(problem);
        int correct = run.correctCount(problem);
        List<AtK> atK = new ArrayList<>();
        for (int k : ks) {
            atK.add(new AtK(
                    k,
                    graded >= k ? PassAtK.estimate(graded, correct, k) : Double.NaN,
                    MajorityVote.expected(run, problem, k, options.draws(), options.seed()),
                    MajorityVote.firstK(run, problem, k),
                    BestOfN.weighted(run, problem, k),
                    BestOfN.naive(run, problem, k)));
        }
        int chosen = FirstFinish.choice(run, problem);
        double firstFinish =
                chosen < 0 || run.correct[chosen] == RunColumns.UNGRADED ? Double.NaN : run.correct[chosen];
        return new ProblemStats(
                run.problemId(problem),
                run.size(problem),
                graded,
                correct,
                graded == 0 ? Double.NaN : (double) correct / graded,
                Spend.meanTokens(run, problem, run.size(problem)),
                firstFinish,
                List.copyOf(atK),
                VoteDistribution.of(run, problem));
    }

    /** Every problem's figures, in the run's problem order. */
    public static List<ProblemStats> all(RunColumns run, StatsOptions options) {
        List<Integer> ks = options.ksFor(run);
        List<ProblemStats> all = new ArrayList<>(run.problems());
        for (int p = 0; p < run.problems(); p++) {
            all.add(of(run, p, ks, options));
        }
        return all;
    }
}
