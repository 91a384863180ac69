package dev.ponder.core.compute;

/**
 * One run's figure for each problem of a comparison at each k, and what reaching it cost: the rows of the frontier.
 *
 * @param runId  the run
 * @param name   its name
 * @param ks     the k of its curve, increasing
 * @param values {@code values[i][p]}: the figure (maj@k, pass@k, ...) of problem p at {@code ks[i]}, NaN where the
 *               problem does not count at that k
 * @param costs  {@code costs[i][p]}: what problem p's k samples cost, NaN where not counted
 */
public record RunCurve(long runId, String name, int[] ks, double[][] values, double[][] costs) {
    public RunCurve {
        if (values.length != ks.length || costs.length != ks.length) {
            throw new IllegalArgumentException("a value and a cost row for each k");
        }
    }
}
