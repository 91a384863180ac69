package dev.ponder.core.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
 * @param families        the saturating fits of budget sweeps, sampled runs and multi-round runs, with s1's numbers
 *                        for sweeps
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
    public record RunLaw(String run, CoverageLaw law) {
        /** "best-of-16: pass@k ≈ exp(-1.23·k^-0.45), R² 0.99 (a …, b …); 90% coverage at k ≈ 37 [20, 80]". */
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "%s: pass@k ≈ %s (a %.3f [%.3f, %.3f], b %.3f [%.3f, %.3f]); %.0f%% coverage at k ≈ %s [%s, %s]",
                    run,
                    law.fit().equation(),
                    law.fit().a(),
                    law.aLow(),
                    law.aHigh(),
                    law.fit().b(),
                    law.bLow(),
                    law.bHigh(),
                    100 * law.target(),
                    samples(law.k()),
                    samples(law.kLow()),
                    samples(law.kHigh()));
        }

        private static String samples(double k) {
            return Double.isNaN(k) ? "—" : Double.isInfinite(k) ? "∞" : String.format(Locale.ROOT, "%,.0f", k);
        }
    }

    /**
     * A curve of accuracy against budget: a sweep's runs against their budget, or one run against its samples.
     *
     * @param unit    what the budget counts: "thinking tokens (budget)", "samples" or "rounds"
     * @param fit     the saturating fit, or {@code null} with fewer than three budgets
     * @param control s1's numbers for a sweep, {@code null} for a sampled run
     */
    public record Family(String name, String unit, SaturationFit fit, BudgetControl control) {
        /** The fit and, for a sweep, s1's numbers: one or two lines. */
        public List<String> describe() {
            List<String> lines = new ArrayList<>();
            if (fit == null) {
                lines.add(name + ": too few budgets for a saturating fit (three needed)");
            } else {
                lines.add(String.format(
                        Locale.ROOT,
                        "%s: accuracy ≈ %s in %s; saturated (gain < %.2f points per doubling) from %s (fit), %s "
                                + "(measured)",
                        name,
                        fit.equation(),
                        unit,
                        100 * fit.epsilon(),
                        amount(fit.saturation()),
                        Double.isNaN(fit.measured()) ? "not within the budgets run" : amount(fit.measured())));
            }
            if (control != null) {
                lines.add(String.format(
                        Locale.ROOT,
                        "%s (s1): Control %.0f%%, Scaling %s points per 1,000 thinking tokens, Performance %.1f%% (%d runs)",
                        name,
                        100 * control.control(),
                        Double.isNaN(control.scaling())
                                ? "—"
                                : String.format(Locale.ROOT, "%.2f", 100 * 1000 * control.scaling()),
                        100 * control.performance(),
                        control.runs()));
            }
            return lines;
        }

        private static String amount(double value) {
            return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
        }
    }
}
