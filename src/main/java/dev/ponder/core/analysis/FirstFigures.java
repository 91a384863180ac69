package dev.ponder.core.analysis;

import java.util.List;

/**
 * The figures a run is first looked at for, the ones a notebook computes first: sample accuracy, pass@k and maj@k over
 * the first k samples (and best-of-k by score where the run has scores), at the default ks. Each is the same number as in the run's full figures ({@link RunStats}); they
 * come without bootstrap intervals and without the Monte-Carlo maj@k over random subsets, so they are ready as soon as
 * the run's columns are, even for a million samples.
 *
 * @param problems      problems with samples
 * @param samples       the analysed samples
 * @param gradedSamples samples with a verdict
 * @param accuracy      correct over graded samples, NaN when none is graded
 * @param passAtK       the unbiased pass@k estimate at each k
 * @param majorityFirstK maj@k of each problem's first k samples, ties to the answer seen first
 * @param bestOfN       weighted and naive best-of-k over the first k samples, or {@code null} without scores
 */
public record FirstFigures(
        int problems,
        int samples,
        int gradedSamples,
        double accuracy,
        List<CurvePoint> passAtK,
        List<CurvePoint> majorityFirstK,
        BestOfN.Curves bestOfN) {

    public static FirstFigures of(RunColumns run, StatsOptions options) {
        List<Integer> ks = options.ksFor(run);
        return new FirstFigures(
                run.problems(),
                run.samples(),
                run.gradedSamples(),
                RunStats.accuracy(run, 0, options.seed()).mean(),
                PassAtK.curve(run, ks),
                MajorityVote.firstKCurve(run, ks),
                run.hasScores() ? BestOfN.curves(run, ks) : null);
    }
}
