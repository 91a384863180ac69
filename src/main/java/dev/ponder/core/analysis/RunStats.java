package dev.ponder.core.analysis;

import java.util.List;

/**
 * Every run-level figure, with what it rests on. Figures that need what a run lacks are {@code null}: best-of-N
 * without reward scores, First Finish and length bins without token counts, overthinking until the traces have
 * been read once.
 *
 * @param problems        problems with analysed samples
 * @param samples         analysed samples (the run's last round)
 * @param gradedSamples   samples with a verdict
 * @param accuracy        sample-level mean verdict, with a bootstrap interval resampling problems
 * @param ks              the k of the curves
 * @param passAtK         pass@k (unbiased estimator), with intervals
 * @param majority        maj@k, expected and first-k, with intervals
 * @param bestOfN         weighted and naive best-of-N over the first k samples
 * @param firstFinish     First Finish Search
 * @param lengthBins      accuracy in equal-count length bins
 * @param difficulty      difficulty buckets with their length bins
 * @param overthinking    outcome and process efficiency and the rest
 * @param options         how the figures were computed
 */
public record RunStats(
        int problems,
        int samples,
        int gradedSamples,
        Bootstrap.Interval accuracy,
        List<Integer> ks,
        List<CurvePoint> passAtK,
        MajorityVote.Curves majority,
        BestOfN.Curves bestOfN,
        FirstFinish.Result firstFinish,
        List<LengthAccuracy.Bin> lengthBins,
        List<LengthAccuracy.Bucket> difficulty,
        Overthinking overthinking,
        StatsOptions options) {

    /** All figures from the run's columns, and overthinking from its facts when given. */
    public static RunStats of(RunColumns run, List<SampleEfficiency> efficiency, StatsOptions options) {
        List<Integer> ks = options.ksFor(run);
        Bootstrap.Interval accuracy = accuracy(run, options.resamples(), options.seed());
        boolean tokens = run.hasTokens();
        return new RunStats(
                run.problems(),
                run.samples(),
                run.gradedSamples(),
                accuracy,
                ks,
                PassAtK.curve(run, ks, options.resamples(), options.seed()),
                MajorityVote.curves(run, ks, options.draws(), options.seed(), options.resamples()),
                run.hasScores() ? BestOfN.curves(run, ks) : null,
                tokens ? FirstFinish.of(run) : null,
                tokens ? LengthAccuracy.bins(run, options.lengthBins()) : null,
                tokens
                        ? LengthAccuracy.byDifficulty(
                                run, options.difficultyEdges(), Math.max(1, options.lengthBins() / 2))
                        : null,
                efficiency == null ? null : Overthinking.of(efficiency),
                options);
    }

    /** The same figures with these overthinking figures. */
    public RunStats withOverthinking(Overthinking newOverthinking) {
        return new RunStats(
                problems,
                samples,
                gradedSamples,
                accuracy,
                ks,
                passAtK,
                majority,
                bestOfN,
                firstFinish,
                lengthBins,
                difficulty,
                newOverthinking,
                options);
    }

    /** The pass@k curve's exponentiated power law c(k) ≈ exp(a·k^b), or {@code null} where it has too few points. */
    public CoverageFit coverageFit() {
        return CoverageFit.of(passAtK);
    }

    /** Sample-level accuracy (correct over graded samples) with a bootstrap interval resampling problems. */
    public static Bootstrap.Interval accuracy(RunColumns run, int resamples, long seed) {
        double[] correct = new double[run.problems()];
        double[] graded = new double[run.problems()];
        for (int p = 0; p < run.problems(); p++) {
            correct[p] = run.correctCount(p);
            graded[p] = run.gradedCount(p);
        }
        return Bootstrap.ratio(correct, graded, resamples, seed);
    }
}
