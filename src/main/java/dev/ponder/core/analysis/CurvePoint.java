package dev.ponder.core.analysis;

/**
 * One point of a scaling curve: a figure at k samples per problem, the problems it is averaged over, the
 * compute it took (for equal-compute comparisons), and where computed its bootstrap 95% interval over problems.
 *
 * @param k          samples per problem
 * @param value      the mean over the problems that count at this k, or NaN when none does
 * @param problems   how many problems count at this k
 * @param tokens     mean tokens spent per problem at this k (thinking tokens where known, else all), or NaN
 *                   when the run has no token counts
 * @param low        the interval's lower end, or NaN when not computed
 * @param high       the interval's upper end, or NaN when not computed
 */
public record CurvePoint(int k, double value, int problems, double tokens, double low, double high) {

    static CurvePoint of(int k, double[] perProblem, double tokens) {
        return new CurvePoint(k, Stats.mean(perProblem), Stats.count(perProblem), tokens, Double.NaN, Double.NaN);
    }

    /** With a bootstrap interval over the problems' values. */
    static CurvePoint withInterval(int k, double[] perProblem, double tokens, int resamples, long seed) {
        Bootstrap.Interval interval = Bootstrap.of(perProblem, resamples, seed);
        return new CurvePoint(
                k, Stats.mean(perProblem), Stats.count(perProblem), tokens, interval.low(), interval.high());
    }
}
