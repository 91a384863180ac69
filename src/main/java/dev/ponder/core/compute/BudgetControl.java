package dev.ponder.core.compute;

import java.util.List;

/**
 * s1's three numbers for a budget sweep (Muennighoff et al. 2025, §3.2), over the sweep's runs a ∈ A with their
 * measured thinking (mean thinking tokens per sample) and accuracy f(a):
 * Control = |{a : a_min ≤ a ≤ a_max}| / |A|, the share of runs whose measured thinking stayed within the range;
 * Scaling = the mean over all pairs a &lt; b of (f(b) − f(a)) / (b − a), the average slope of accuracy against
 * thinking (Ponder states it per 1,000 thinking tokens); Performance = max f(a).
 *
 * @param control     the share of runs within their range, 0 to 1
 * @param scaling     the mean pairwise slope, accuracy per thinking token (NaN with fewer than two distinct a)
 * @param performance the best accuracy
 * @param runs        how many runs the numbers rest on
 */
public record BudgetControl(double control, double scaling, double performance, int runs) {

    /**
     * One run of the sweep.
     *
     * @param thinking  its measured mean thinking tokens
     * @param accuracy  its accuracy
     * @param low       the least thinking it should have spent (a_min)
     * @param high      the most (a_max): the sweep's range, or the run's own budget
     */
    public record Run(double thinking, double accuracy, double low, double high) {}

    /** The three numbers, or {@code null} without runs. */
    public static BudgetControl of(List<Run> runs) {
        if (runs.isEmpty()) {
            return null;
        }
        int within = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (Run run : runs) {
            if (run.thinking() >= run.low() && run.thinking() <= run.high()) {
                within++;
            }
            best = Math.max(best, run.accuracy());
        }
        double slopes = 0;
        int pairs = 0;
        for (int i = 0; i < runs.size(); i++) {
            for (int j = 0; j < runs.size(); j++) {
                Run a = runs.get(i);
                Run b = runs.get(j);
                if (b.thinking() > a.thinking()) {
                    slopes += (b.accuracy() - a.accuracy()) / (b.thinking() - a.thinking());
                    pairs++;
                }
            }
        }
        return new BudgetControl(
                (double) within / runs.size(), pairs == 0 ? Double.NaN : slopes / pairs, best, runs.size());
    }
}
