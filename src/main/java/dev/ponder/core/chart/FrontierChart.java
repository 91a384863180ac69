package dev.ponder.core.chart;

import dev.ponder.core.chart.PlotData.Mark;
import dev.ponder.core.chart.PlotData.Panel;
import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import dev.ponder.core.chart.PlotData.XScale;
import dev.ponder.core.compute.ComputeFrontier;
import dev.ponder.core.compute.ComputeReport;
import dev.ponder.core.compute.ComputeRequest;
import dev.ponder.core.compute.CostAxis;
import dev.ponder.core.compute.RunBudget;
import dev.ponder.core.compute.SaturationFit;
import dev.ponder.core.model.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compute-optimal frontier (Snell et al. 2024): above, over all problems, each strategy's curve of accuracy
 * against cost (a budget sweep's runs joined across budgets, a sampled run across k) and the frontier joining the best
 * points; below, each difficulty bin's frontier; dashed, the saturating law fitted to a frontier, its equation and
 * saturation point in the notes. The numbers are {@code ponder compute-optimal}'s.
 */
final class FrontierChart {
    private static final double DRAWN_FIT = 0.5;

    private FrontierChart() {}

    static PlotData build(ChartSpec spec, ChartInputs inputs) {
        ComputeRequest request =
                spec.compute() != null ? spec.compute().withRuns(spec.runs()) : ComputeRequest.of(spec.runs());
        ComputeReport report = inputs.compute(request);
        ComputeFrontier frontier = report.frontier();
        CostAxis axis = request.cost().axis();
        List<Panel> panels = new ArrayList<>();
        List<String> notes = new ArrayList<>(report.notes());
        ComputeFrontier.Bin all = frontier.bins().get(0);
        List<Series> runs = new ArrayList<>();
        runs.add(new Series(
                String.format(Locale.ROOT, "frontier, %s (%d)", all.name(), all.problems()),
                Mark.LINE,
                all.frontier().stream()
                        .map(point -> point(frontier, axis, point))
                        .toList()));
        fit(all, axis, runs, notes);
        // one curve per strategy: a budget sweep's runs joined across their budgets, a sampled run across its k
        Map<String, String> strategyOf = new HashMap<>();
        for (long runId : spec.runs()) {
            Run run = inputs.run(runId);
            strategyOf.put(run.name(), RunBudget.budget(run) != null ? RunBudget.group(run) : run.name());
        }
        Map<String, List<ComputeFrontier.Point>> strategies = new LinkedHashMap<>();
        for (ComputeFrontier.Point point : all.points()) {
            String name = frontier.runs().get(point.run());
            strategies
                    .computeIfAbsent(strategyOf.getOrDefault(name, name), key -> new ArrayList<>())
                    .add(point);
        }
        strategies.forEach((strategy, points) -> runs.add(new Series(
                strategy,
                Mark.LINE,
                points.stream()
                        .sorted(Comparator.comparingDouble(ComputeFrontier.Point::cost))
                        .map(point -> point(frontier, axis, point))
                        .toList())));
        panels.add(new Panel("all problems", 0, 1, runs));
        List<Series> perBin = new ArrayList<>();
        for (ComputeFrontier.Bin bin :
                frontier.bins().subList(1, frontier.bins().size())) {
            if (bin.frontier().isEmpty()) {
                continue;
            }
            perBin.add(new Series(
                    String.format(Locale.ROOT, "frontier, %s (%d)", bin.name(), bin.problems()),
                    Mark.LINE,
                    bin.frontier().stream()
                            .map(point -> point(frontier, axis, point))
                            .toList()));
            fit(bin, axis, perBin, notes);
        }
        if (!perBin.isEmpty()) {
            panels.add(new Panel("per bin", 0, 1, perBin));
        }
        notes.addAll(report.costDescription());
        return new PlotData(
                "Compute-optimal frontier · " + request.method().label(),
                axis.label(),
                XScale.LOG2,
                List.of(),
                panels,
                notes);
    }

    private static Point point(ComputeFrontier frontier, CostAxis axis, ComputeFrontier.Point point) {
        String label = String.format(
                Locale.ROOT,
                "%s: %s at %s, %s",
                frontier.name(point),
                ComputeFrontier.percent(point.accuracy(), Double.NaN, Double.NaN),
                axis.format(point.cost()),
                Labels.count(point.problems(), "problem"));
        return Point.at(point.cost(), point.accuracy(), Double.NaN, Double.NaN, point.problems(), label, null);
    }

    /**
     * The bin's frontier fit, its equation in the notes and, where it explains at least half of the frontier's
     * variance, drawn as a dashed line (a worse fit would only mislead the eye).
     */
    private static void fit(ComputeFrontier.Bin bin, CostAxis axis, List<Series> series, List<String> notes) {
        if (bin.fit() == null) {
            return;
        }
        boolean drawn = bin.fit().rSquared() >= DRAWN_FIT;
        if (drawn) {
            series.add(new Series("fit, " + bin.name(), Mark.REFERENCE, fitLine(bin)));
        }
        notes.add(fitNote(bin, axis) + (drawn ? " (dashed)" : " (not drawn: R² below 0.5)"));
    }

    private static List<Point> fitLine(ComputeFrontier.Bin bin) {
        double low = bin.frontier().get(0).cost();
        double high = bin.frontier().get(bin.frontier().size() - 1).cost();
        List<Point> line = new ArrayList<>();
        for (double x = low; x <= high * 1.0001; x *= Math.pow(2, 0.125)) {
            line.add(Point.at(x, bin.fit().accuracy(x), Double.NaN, Double.NaN, -1, "", null));
        }
        return line;
    }

    private static String fitNote(ComputeFrontier.Bin bin, CostAxis axis) {
        SaturationFit fit = bin.fit();
        return String.format(
                Locale.ROOT,
                "%s: frontier ≈ %s, saturated from %s",
                bin.name(),
                fit.equation(),
                axis.format(fit.saturation()));
    }
}
