package dev.ponder.core.compute;

import java.util.List;

/**
 * Everything {@code ponder compute-optimal} prints and the Compute view shows.
 *
 * @param request         what was asked
 * @param costDescription the numbers the cost rests on (model shapes, prices), one line per distinct one
 * @param reference       the run whose pass rates bin the problems
 * @param baseline        the run the matching compute is read off, or {@code null}
 * @param shared          how many problems every run has (the frontier's problems)
 * @param frontier        the frontier, winners and matching, overall and per bin
 * @param coverage        each run's coverage law, where it has one
 * @param families        the saturating fits of budget sweeps and sampled runs, with s1's numbers for sweeps
 * @param notes           runs left out and why, in sentences
 */
public record ComputeReport(
        ComputeRequest request,
        List<String> costDescription,
        String reference,
        String baseline,
        int shared,
        ComputeFrontier frontier,
        List<RunLaw> coverage,
        List<Family> families,
        List<String> notes) {

    /** One run's coverage law. */
    public record RunLaw(String run, CoverageLaw law) {}

    /**
     * A curve of accuracy against budget: a sweep's runs against their budget, or one run against its samples.
     *
     * @param unit    what the budget counts: "thinking tokens (budget)" or "samples"
     * @param fit     the saturating fit, or {@code null} with fewer than three budgets
     * @param control s1's numbers for a sweep, {@code null} for a sampled run
     */
    public record Family(String name, String unit, SaturationFit fit, BudgetControl control) {}
}
