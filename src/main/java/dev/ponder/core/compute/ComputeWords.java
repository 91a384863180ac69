package dev.ponder.core.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The compute-optimal report's figures in words, the same for the command line and the Compute view. */
public final class ComputeWords {
    private ComputeWords() {}

    /** "tiny best-of-16 at k = 4". */
    public static String point(ComputeFrontier frontier, ComputeFrontier.Point point) {
        return point == null ? "—" : frontier.runs().get(point.run()) + " at k = " + point.k();
    }

    /** "61.0% [52.0, 70.0]". */
    public static String accuracy(double value, double low, double high) {
        if (Double.isNaN(value)) {
            return "—";
        }
        String text = String.format(Locale.ROOT, "%.1f%%", 100 * value);
        return Double.isNaN(low) ? text : text + String.format(Locale.ROOT, " [%.1f, %.1f]", 100 * low, 100 * high);
    }

    /** "2.0× [1.3, 3.1]" or "not reached (> 4.0×)". */
    public static String matching(ComputeFrontier.Matching matching, double dearest, double winnerCost) {
        if (matching == null) {
            return "—";
        }
        if (Double.isInfinite(matching.ratio())) {
            return String.format(Locale.ROOT, "not reached (> %.1f×)", dearest / winnerCost);
        }
        return String.format(
                Locale.ROOT, "%.1f× [%s, %s]", matching.ratio(), ratio(matching.low()), ratio(matching.high()));
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "—" : Double.isInfinite(value) ? "∞" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** "best-of-16: pass@k ≈ exp(-1.23·k^-0.45), R² 0.99 (a in [..], b in [..]); 90% coverage at k ≈ 37 [20, 80]". */
    public static String coverage(ComputeReport.RunLaw runLaw) {
        CoverageLaw law = runLaw.law();
        return String.format(
                Locale.ROOT,
                "%s: pass@k ≈ %s (a %.3f [%.3f, %.3f], b %.3f [%.3f, %.3f]); %.0f%% coverage at k ≈ %s [%s, %s]",
                runLaw.run(),
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

    /** The family's fit and, for a sweep, s1's numbers: one or two lines. */
    public static List<String> family(ComputeReport.Family family) {
        List<String> lines = new ArrayList<>();
        SaturationFit fit = family.fit();
        if (fit == null) {
            lines.add(family.name() + ": too few budgets for a saturating fit (three needed)");
        } else {
            lines.add(String.format(
                    Locale.ROOT,
                    "%s: accuracy ≈ %s in %s; saturated (gain < %.2f points per doubling) from %s (fit), %s "
                            + "(measured)",
                    family.name(),
                    fit.equation(),
                    family.unit(),
                    100 * fit.epsilon(),
                    amount(fit.saturation()),
                    Double.isNaN(fit.measured()) ? "not within the budgets run" : amount(fit.measured())));
        }
        BudgetControl control = family.control();
        if (control != null) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%s (s1): Control %.0f%%, Scaling %s points per 1,000 thinking tokens, Performance %.1f%% (%d runs)",
                    family.name(),
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
