package dev.ponder.core.chart;

import dev.ponder.core.analysis.Bootstrap;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.RunStats;
import dev.ponder.core.chart.PlotData.Mark;
import dev.ponder.core.chart.PlotData.Panel;
import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import dev.ponder.core.chart.PlotData.XScale;
import dev.ponder.core.compute.ComputeOptimal;
import dev.ponder.core.compute.RunBudget;
import dev.ponder.core.compute.SaturationFit;
import dev.ponder.core.model.Run;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy against the thinking budget, as the s1 paper's scaling figure: one point per run, at the run's
 * {@code budget} attribute (else its {@code max_tokens}) or at the mean thinking tokens it spent; the runs are
 * joined into one line per group (the {@code group} attribute, else the model). The accuracy is
 * {@link RunStats#accuracy}, with its bootstrap interval. A point opens the run's problems not always solved.
 */
final class BudgetChart {
    private BudgetChart() {}

    static PlotData build(ChartSpec spec, ChartInputs inputs) {
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        boolean byTokens = spec.budgetAxis() == ChartSpec.BudgetAxis.TOKENS;
        for (long runId : spec.runs()) {
            Run run = inputs.run(runId);
            Double budget = RunBudget.budget(run);
            RunColumns columns = inputs.columns(runId, spec.grader());
            double tokens = columns.meanTokens();
            double x;
            try {
                x = !byTokens
                        ? (budget == null ? Double.NaN : budget)
                        : spec.cost() == null ? tokens : inputs.costAt(runId, spec.cost(), 1);
                if (byTokens && spec.cost() != null) {
                    notes.add(inputs.costRestsOn(runId, spec.cost()));
                }
            } catch (IllegalArgumentException e) {
                notes.add(run.name() + ": " + e.getMessage());
                continue;
            }
            if (Double.isNaN(x) || x <= 0) {
                notes.add(run.name() + (byTokens ? " has no token counts" : " has no budget or max tokens set"));
                continue;
            }
            Bootstrap.Interval accuracy = RunStats.accuracy(columns, spec.resamples(), spec.seed());
            String label = String.format(
                    Locale.ROOT,
                    "%s: budget %s, %s thinking tokens on average, accuracy %s, %s",
                    run.name(),
                    budget == null ? "–" : Labels.number(budget),
                    Labels.number(Math.round(tokens)),
                    Labels.percent(accuracy.mean(), accuracy.low(), accuracy.high()),
                    Labels.count(columns.samples(), "sample"));
            Selection selection = Selections.ofProblems(
                    runId,
                    "problems of " + run.name() + " not always solved",
                    columns,
                    problem -> columns.correctCount(problem) < columns.gradedCount(problem));
            lines.computeIfAbsent(RunBudget.group(run), name -> new ArrayList<>())
                    .add(Point.at(
                            x, accuracy.mean(), accuracy.low(), accuracy.high(), columns.samples(), label, selection));
        }
        sweeps(spec, inputs, notes);
        List<Series> series = new ArrayList<>();
        lines.forEach((name, points) -> series.add(new Series(
                name,
                Mark.LINE,
                points.stream().sorted(Comparator.comparingDouble(Point::x)).toList())));
        return new PlotData(
                "Accuracy vs thinking budget",
                !byTokens
                        ? "thinking budget (tokens)"
                        : spec.cost() == null
                                ? "mean thinking tokens"
                                : spec.cost().axis().label(),
                XScale.LOG2,
                List.of(),
                List.of(new Panel("accuracy", 0, 1, series)),
                notes);
    }

    /** Each sweep's saturation and s1's Control, Scaling and Performance, in the notes. */
    private static void sweeps(ChartSpec spec, ChartInputs inputs, List<String> notes) {
        Map<String, List<ComputeOptimal.RunInput>> sweeps = new LinkedHashMap<>();
        for (long runId : spec.runs()) {
            Run run = inputs.run(runId);
            if (RunBudget.budget(run) != null) {
                sweeps.computeIfAbsent(RunBudget.group(run), group -> new ArrayList<>())
                        .add(new ComputeOptimal.RunInput(run, inputs.columns(runId, spec.grader())));
            }
        }
        sweeps.forEach((group, runs) -> {
            if (runs.size() >= 2) {
                notes.addAll(ComputeOptimal.sweep(group, runs, null, SaturationFit.DEFAULT_EPSILON)
                        .describe());
            }
        });
    }
}
