package dev.ponder.core.chart;

import dev.ponder.core.analysis.Bootstrap;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.compute.ComputeRequest;
import dev.ponder.core.compute.CostSettings;
import java.util.List;

/**
 * Everything that decides a figure's numbers and looks: what a provenance file stores and {@code ponder
 * export-chart --spec} reads back to draw the same figure.
 *
 * @param kind       the chart
 * @param runs       the runs overlaid, by workspace id, in legend order
 * @param grader     the grading the verdicts come from ({@code file labels}, {@code ponder-math}, ...), or
 *                   {@code null} for each run's stored verdicts
 * @param problem    the problem key of a vote distribution, else {@code null}
 * @param curves     the scaling curves shown
 * @param kMax       the largest k of scaling curves, or 0 for every k the runs have
 * @param bins       bins of histograms, length and calibration charts
 * @param level      a difficulty level (1 = easiest) to keep, or 0 for all
 * @param weighted   vote bars by summed reward score instead of counts
 * @param budgetAxis for budget curves, the x axis: the budget set, or the mean thinking tokens spent
 * @param markers    the reflection markers of the overthinking charts, or {@code null} for Ponder's defaults
 * @param seed       the seed of every random choice (bootstrap, Monte-Carlo maj@k, scatter jitter)
 * @param resamples  bootstrap resamples for the 95% intervals, 0 for none
 * @param draws      Monte-Carlo draws per problem for maj@k where subsets are too many to enumerate
 * @param style      size and font
 * @param compute    for the compute-optimal frontier, how cost and accuracy are counted and problems binned ({@code
 *                   null}: its defaults); its runs are the spec's
 */
public record ChartSpec(
        ChartKind kind,
        List<Long> runs,
        String grader,
        String problem,
        List<Curve> curves,
        int kMax,
        int bins,
        int level,
        boolean weighted,
        BudgetAxis budgetAxis,
        List<String> markers,
        long seed,
        int resamples,
        int draws,
        PaperStyle style,
        ComputeRequest compute) {
    public static final List<Curve> DEFAULT_CURVES = List.of(Curve.PASS, Curve.MAJORITY, Curve.WEIGHTED, Curve.NAIVE);

    /** What the x axis of a budget curve shows. */
    public enum BudgetAxis {
        BUDGET,
        TOKENS
    }

    public ChartSpec {
        if (kind == null) {
            throw new IllegalArgumentException("a chart spec needs a kind");
        }
        runs = runs == null ? List.of() : List.copyOf(runs);
        grader = grader == null || grader.isBlank() ? null : grader.strip();
        problem = problem == null || problem.isBlank() ? null : problem;
        curves = curves == null || curves.isEmpty() ? DEFAULT_CURVES : List.copyOf(curves);
        markers = markers == null ? null : List.copyOf(markers);
        budgetAxis = budgetAxis == null ? BudgetAxis.BUDGET : budgetAxis;
        style = style == null ? PaperStyle.SINGLE_COLUMN : style;
        if (kMax < 0 || bins < 1 || bins > 1000 || level < 0 || resamples < 0 || draws < 1) {
            throw new IllegalArgumentException(
                    "k max, level and resamples must not be negative; bins 1 to 1000; draws positive");
        }
    }

    /**
     * How the equal-compute charts count cost: the compute request's, else {@code null} for what they count by
     * default (thinking tokens where counted, else all).
     */
    public CostSettings cost() {
        return compute == null ? null : compute.cost();
    }

    /** With the x axis of the equal-compute charts counting this cost. */
    public ChartSpec withCost(CostSettings newCost) {
        return withCompute((compute != null ? compute : ComputeRequest.of(runs)).withCost(newCost));
    }

    /** The defaults for a chart of these runs. */
    public static ChartSpec of(ChartKind kind, List<Long> runs) {
        return new ChartSpec(
                kind,
                runs,
                null,
                null,
                DEFAULT_CURVES,
                0,
                10,
                0,
                false,
                BudgetAxis.BUDGET,
                null,
                StatsOptions.DEFAULT.seed(),
                Bootstrap.DEFAULT_RESAMPLES,
                StatsOptions.DEFAULT.draws(),
                PaperStyle.SINGLE_COLUMN,
                null);
    }

    public ChartSpec withKind(ChartKind newKind) {
        return new ChartSpec(
                newKind,
                runs,
                grader,
                problem,
                curves,
                kMax,
                bins,
                level,
                weighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withRuns(List<Long> newRuns) {
        return new ChartSpec(
                kind,
                newRuns,
                grader,
                problem,
                curves,
                kMax,
                bins,
                level,
                weighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withGrader(String newGrader) {
        return new ChartSpec(
                kind,
                runs,
                newGrader,
                problem,
                curves,
                kMax,
                bins,
                level,
                weighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withProblem(String newProblem) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                newProblem,
                curves,
                kMax,
                bins,
                level,
                weighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withCurves(List<Curve> newCurves) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                problem,
                newCurves,
                kMax,
                bins,
                level,
                weighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withKMax(int newKMax) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                problem,
                curves,
                newKMax,
                bins,
                level,
                weighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withBins(int newBins) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                problem,
                curves,
                kMax,
                newBins,
                level,
                weighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withLevel(int newLevel) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                problem,
                curves,
                kMax,
                bins,
                newLevel,
                weighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withWeighted(boolean newWeighted) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                problem,
                curves,
                kMax,
                bins,
                level,
                newWeighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withBudgetAxis(BudgetAxis newAxis) {
        return new ChartSpec(
                kind, runs, grader, problem, curves, kMax, bins, level, weighted, newAxis, markers, seed, resamples,
                draws, style, compute);
    }

    public ChartSpec withMarkers(List<String> newMarkers) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                problem,
                curves,
                kMax,
                bins,
                level,
                weighted,
                budgetAxis,
                newMarkers,
                seed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withSeed(long newSeed) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                problem,
                curves,
                kMax,
                bins,
                level,
                weighted,
                budgetAxis,
                markers,
                newSeed,
                resamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withResamples(int newResamples) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                problem,
                curves,
                kMax,
                bins,
                level,
                weighted,
                budgetAxis,
                markers,
                seed,
                newResamples,
                draws,
                style,
                compute);
    }

    public ChartSpec withStyle(PaperStyle newStyle) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                problem,
                curves,
                kMax,
                bins,
                level,
                weighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                newStyle,
                compute);
    }

    public ChartSpec withCompute(ComputeRequest newCompute) {
        return new ChartSpec(
                kind,
                runs,
                grader,
                problem,
                curves,
                kMax,
                bins,
                level,
                weighted,
                budgetAxis,
                markers,
                seed,
                resamples,
                draws,
                style,
                newCompute);
    }
}
