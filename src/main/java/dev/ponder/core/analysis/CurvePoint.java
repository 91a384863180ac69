package dev.ponder.core.analysis;

/**
 * One point of a scaling curve: a figure at k samples per problem, the problems it is averaged over, and the
 * compute it took, for equal-compute comparisons.
 *
 * @param k          samples per problem
 * @param value      the mean over the problems that count at this k, or NaN when none does
 * @param problems   how many problems count at this k
 * @param tokens     mean tokens spent per problem at this k (thinking tokens where known, else all), or NaN
 *                   when the run has no token counts
 */
public record CurvePoint(int k, double value, int problems, double tokens) {

    static CurvePoint of(int k, double[] perProblem, double tokens) {
        return new CurvePoint(k, Stats.mean(perProblem), Stats.count(perProblem), tokens);
    }
}
