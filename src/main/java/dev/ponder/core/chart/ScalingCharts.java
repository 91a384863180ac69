package dev.ponder.core.chart;

import dev.ponder.core.analysis.BestOfN;
import dev.ponder.core.analysis.CoverageFit;
import dev.ponder.core.analysis.CurvePoint;
import dev.ponder.core.analysis.MajorityVote;
import dev.ponder.core.analysis.PassAtK;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.chart.PlotData.Mark;
import dev.ponder.core.chart.PlotData.Panel;
import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import dev.ponder.core.chart.PlotData.XScale;
import dev.ponder.core.model.Run;
import java.util.ArrayList;
import java.util.List;

/**
 * Scaling curves: pass@k, maj@k (expected and first k), weighted and naive best-of-N against k on a log2 axis, or
 * against the mean tokens a problem spends at k, for comparing strategies at equal compute. The numbers are
 * {@link PassAtK}, {@link MajorityVote} and {@link BestOfN}'s, computed as {@code ponder stats} computes them.
 * A point opens the problems whose value at that k is below 1.
 */
final class ScalingCharts {
    private ScalingCharts() {}

    static PlotData build(ChartSpec spec, ChartInputs inputs, boolean againstTokens) {
        List<Series> series = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean overlaid = spec.runs().size() > 1;
        for (long runId : spec.runs()) {
            Run run = inputs.run(runId);
            RunColumns columns = inputs.columns(runId, spec.grader());
            List<Integer> ks = ks(spec, columns);
            if (againstTokens && !columns.hasTokens() && !sampleAxis(spec)) {
                notes.add(run.name() + " has no token counts");
                continue;
            }
            java.util.function.IntToDoubleFunction costs;
            try {
                if (againstTokens && spec.cost() != null) {
                    notes.add(inputs.costRestsOn(runId, spec.cost())); // throws when the run lacks a shape
                }
                costs = k -> spec.cost() == null ? Double.NaN : inputs.costAt(runId, spec.cost(), k);
            } catch (IllegalArgumentException e) {
                notes.add(run.name() + ": " + e.getMessage());
                continue;
            }
            // Kept once worked out: maj@k's Monte-Carlo is the costly part, and the same curves serve both x axes.
            MajorityVote.Curves majority =
                    spec.curves().contains(Curve.MAJORITY) || spec.curves().contains(Curve.MAJORITY_FIRST_K)
                            ? inputs.curves(
                                    runId,
                                    spec,
                                    "maj",
                                    () -> MajorityVote.curves(columns, ks, spec.draws(), spec.seed(), spec.resamples()),
                                    MajorityVote.Curves.class)
                            : null;
            BestOfN.Curves bestOfN = columns.hasScores() ? BestOfN.curves(columns, ks) : null;
            @SuppressWarnings("unchecked")
            List<CurvePoint> pass = spec.curves().contains(Curve.PASS)
                    ? inputs.curves(
                            runId,
                            spec,
                            "pass",
                            () -> PassAtK.curve(columns, ks, spec.resamples(), spec.seed()),
                            List.class)
                    : null;
            for (Curve curve : spec.curves()) {
                List<CurvePoint> points = switch (curve) {
                    case PASS -> pass;
                    case MAJORITY -> majority.expected();
                    case MAJORITY_FIRST_K -> majority.firstK();
                    case WEIGHTED -> bestOfN == null ? null : bestOfN.weighted();
                    case NAIVE -> bestOfN == null ? null : bestOfN.naive();
                };
                if (points == null) {
                    notes.add(run.name() + " has no reward scores: no " + curve.label());
                    continue;
                }
                String name = Labels.series(run.name(), curve.label(), overlaid);
                series.add(new Series(
                        name, Mark.LINE, points(spec, runId, columns, curve, points, name, againstTokens, costs)));
                if (curve == Curve.PASS && !againstTokens) {
                    fit(run, points, overlaid ? null : series, notes);
                }
            }
        }
        String y = spec.curves().size() == 1 ? spec.curves().get(0).label() : "accuracy";
        return new PlotData(
                againstTokens ? "Scaling at equal compute" : "Scaling with k",
                !againstTokens
                        ? "k (samples per problem)"
                        : spec.cost() == null
                                ? "mean tokens spent per problem"
                                : spec.cost().axis().label(),
                XScale.LOG2,
                List.of(),
                List.of(new Panel(y, 0, 1, series)),
                notes);
    }

    /**
     * Large Language Monkeys' coverage law fitted to the pass@k curve, said with its equation in the chart's notes and,
     * for one run ({@code series} not null; overlaid runs would crowd), drawn as a thin dashed line through its k range.
     */
    private static void fit(Run run, List<CurvePoint> pass, List<Series> series, List<String> notes) {
        CoverageFit fit = CoverageFit.of(pass);
        if (fit == null || pass.isEmpty()) {
            return;
        }
        notes.add(String.format(
                java.util.Locale.ROOT,
                "%s: pass@k ≈ %s (Large Language Monkeys' law%s)",
                run.name(),
                fit.equation(),
                series == null ? "" : ", dashed"));
        if (series == null) {
            return;
        }
        List<Point> line = new ArrayList<>();
        int last = pass.get(pass.size() - 1).k();
        for (double k = 1; k <= last * 1.0001; k *= Math.pow(2, 0.25)) {
            line.add(Point.at(k, fit.coverage(k), Double.NaN, Double.NaN, -1, "", null));
        }
        series.add(new Series(run.name() + " · pass@k fit", Mark.REFERENCE, line));
    }

    private static boolean sampleAxis(ChartSpec spec) {
        return spec.cost() != null && spec.cost().axis() == dev.ponder.core.compute.CostAxis.SAMPLES;
    }

    static List<Integer> ks(ChartSpec spec, RunColumns columns) {
        return StatsOptions.DEFAULT.ksFor(columns).stream()
                .filter(k -> spec.kMax() == 0 || k <= spec.kMax())
                .toList();
    }

    private static List<Point> points(
            ChartSpec spec,
            long runId,
            RunColumns columns,
            Curve curve,
            List<CurvePoint> curvePoints,
            String name,
            boolean againstTokens,
            java.util.function.IntToDoubleFunction costs) {
        List<Point> points = new ArrayList<>();
        for (CurvePoint point : curvePoints) {
            double x =
                    !againstTokens ? point.k() : spec.cost() == null ? point.tokens() : costs.applyAsDouble(point.k());
            if (Double.isNaN(point.value()) || Double.isNaN(x) || x <= 0) {
                continue;
            }
            int k = point.k();
            String label = String.format(
                    java.util.Locale.ROOT,
                    "%s at k = %d: %s, %s%s",
                    name,
                    k,
                    Labels.percent(point.value(), point.low(), point.high()),
                    Labels.count(point.problems(), "problem"),
                    Double.isNaN(point.tokens()) ? "" : ", " + Labels.number(Math.round(point.tokens())) + " tokens");
            Selection selection = Selections.ofProblems(
                    runId,
                    "problems below 1 on " + curve.label() + " at k = " + k,
                    columns,
                    problem -> perProblem(spec, columns, curve, problem, k) < 1);
            points.add(Point.at(x, point.value(), point.low(), point.high(), point.problems(), label, selection));
        }
        return points;
    }

    /** One problem's value at k, as the curve averages it (NaN where it does not count). */
    private static double perProblem(ChartSpec spec, RunColumns columns, Curve curve, int problem, int k) {
        return switch (curve) {
            case PASS ->
                columns.gradedCount(problem) < k
                        ? Double.NaN
                        : PassAtK.estimate(columns.gradedCount(problem), columns.correctCount(problem), k);
            case MAJORITY -> MajorityVote.expected(columns, problem, k, spec.draws(), spec.seed());
            case MAJORITY_FIRST_K -> MajorityVote.firstK(columns, problem, k);
            case WEIGHTED -> BestOfN.weighted(columns, problem, k);
            case NAIVE -> BestOfN.naive(columns, problem, k);
        };
    }
}
