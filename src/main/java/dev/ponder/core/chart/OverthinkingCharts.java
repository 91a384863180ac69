package dev.ponder.core.chart;

import dev.ponder.core.analysis.Histogram;
import dev.ponder.core.analysis.LengthAccuracy;
import dev.ponder.core.analysis.Overthinking;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.SampleEfficiency;
import dev.ponder.core.chart.PlotData.Mark;
import dev.ponder.core.chart.PlotData.Panel;
import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import dev.ponder.core.chart.PlotData.XScale;
import dev.ponder.core.model.Run;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Overthinking ("Do NOT Think That Much for 2+3=?", arXiv 2412.21187) from the samples' trace facts: the tokens
 * spent after the first correct answer; outcome efficiency ξ_O per difficulty level; reflection markers per 1,000
 * tokens in right and wrong samples. Every figure is {@link Overthinking#of} over the samples in question.
 */
final class OverthinkingCharts {
    private OverthinkingCharts() {}

    private record RunFacts(long runId, Run run, RunColumns columns, List<SampleEfficiency> facts) {}

    private static List<RunFacts> facts(ChartSpec spec, ChartInputs inputs, TaskContext context) {
        ReflectionMarkers markers =
                spec.markers() == null ? ReflectionMarkers.DEFAULT : new ReflectionMarkers(spec.markers());
        return spec.runs().stream()
                .map(id -> new RunFacts(
                        id,
                        inputs.run(id),
                        inputs.columns(id, spec.grader()),
                        inputs.efficiency(id, spec.grader(), markers, context)))
                .toList();
    }

    static PlotData afterFirstCorrect(ChartSpec spec, ChartInputs inputs, TaskContext context) {
        List<RunFacts> runs = facts(spec, inputs, context);
        List<double[]> after = new ArrayList<>();
        for (RunFacts run : runs) {
            int[] level = LengthCharts.levelOfSamples(spec, run.columns());
            double[] values = new double[run.facts().size()];
            for (int s = 0; s < values.length; s++) {
                SampleEfficiency fact = run.facts().get(s);
                boolean counts = fact != null
                        && fact.tokens() > 0
                        && fact.firstCorrectAt() >= 0
                        && (level == null || level[s] == spec.level());
                values[s] = counts ? fact.tokens() - fact.firstCorrectAt() : Double.NaN;
            }
            after.add(values);
        }
        Histogram histogram = Histogram.over(
                after.stream().flatMapToDouble(java.util.Arrays::stream).toArray(), spec.bins());
        List<Series> series = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            RunFacts run = runs.get(r);
            double[] values = after.get(r);
            double mean = Overthinking.of(subset(run.facts(), s -> !Double.isNaN(values[s])))
                    .tokensAfterFirstCorrect();
            String name = String.format(Locale.ROOT, "%s (mean %s)", run.run().name(), Labels.number(Math.round(mean)));
            series.add(LengthCharts.histogramSeries(
                    run.runId(), name, "samples spending", run.columns(), histogram, values, s -> true));
        }
        return new PlotData(
                "Tokens after the first correct answer",
                "tokens after the first correct answer",
                XScale.LINEAR,
                List.of(),
                List.of(new Panel("samples", 0, Double.NaN, series)),
                List.of("samples whose trace states a correct answer somewhere; token positions read in proportion "
                        + "to characters"));
    }

    static PlotData efficiencyByLevel(ChartSpec spec, ChartInputs inputs, TaskContext context) {
        List<RunFacts> runs = facts(spec, inputs, context);
        int levels = 5;
        List<String> categories = new ArrayList<>();
        for (int l = 1; l <= levels; l++) {
            categories.add(l == 1 ? "1 (easiest)" : l == levels ? levels + " (hardest)" : String.valueOf(l));
        }
        categories.add("all");
        List<Series> series = new ArrayList<>();
        for (RunFacts run : runs) {
            int[] problemLevel = LengthAccuracy.difficultyLevels(run.columns(), null);
            int[] problemOf = run.columns().problemOfEachSample();
            List<Point> points = new ArrayList<>();
            for (int l = 1; l <= levels + 1; l++) {
                int level = l;
                IntPredicate in = level > levels ? s -> true : s -> problemLevel[problemOf[s]] == level;
                Overthinking figures = Overthinking.of(subset(run.facts(), in));
                if (figures.samples() == 0) {
                    continue;
                }
                String where = level > levels ? "all levels" : "level " + level;
                points.add(Point.bar(
                        l - 1 - 0.4,
                        l - 1 + 0.4,
                        figures.outcomeEfficiency(),
                        figures.samples(),
                        String.format(
                                Locale.ROOT,
                                "%s, %s: ξ_O = %.3f over %s (solved %s)",
                                run.run().name(),
                                where,
                                figures.outcomeEfficiency(),
                                Labels.count(figures.samples(), "sample"),
                                Labels.percent(figures.solvedShare())),
                        Selections.ofSamples(run.runId(), "samples of " + where, run.columns(), in)));
            }
            series.add(new Series(run.run().name(), Mark.BAR, points));
        }
        return new PlotData(
                "Outcome efficiency by difficulty",
                "difficulty level (pass-rate quintile)",
                XScale.CATEGORY,
                categories,
                List.of(new Panel("outcome efficiency ξ_O", 0, 1, series)),
                List.of("ξ_O = mean over samples of σ·T̂/T (T̂: tokens up to the first correct answer, σ = 0 when "
                        + "none is correct)"));
    }

    static PlotData markers(ChartSpec spec, ChartInputs inputs, TaskContext context) {
        List<RunFacts> runs = facts(spec, inputs, context);
        List<String> categories = List.of("correct", "wrong", "all");
        List<Series> series = new ArrayList<>();
        for (RunFacts run : runs) {
            int[] level = LengthCharts.levelOfSamples(spec, run.columns());
            RunColumns columns = run.columns();
            List<Point> points = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                int verdict = c == 0 ? 1 : c == 1 ? 0 : -2;
                IntPredicate in = s ->
                        (verdict == -2 || columns.verdict(s) == verdict) && (level == null || level[s] == spec.level());
                Overthinking figures = Overthinking.of(subset(run.facts(), in));
                if (figures.samples() == 0) {
                    continue;
                }
                points.add(Point.bar(
                        c - 0.4,
                        c + 0.4,
                        figures.markersPerThousandTokens(),
                        figures.samples(),
                        String.format(
                                Locale.ROOT,
                                "%s, %s samples: %.2f markers per 1,000 tokens over %s",
                                run.run().name(),
                                categories.get(c),
                                figures.markersPerThousandTokens(),
                                Labels.count(figures.samples(), "sample")),
                        Selections.ofSamples(run.runId(), categories.get(c) + " samples", columns, in)));
            }
            series.add(new Series(run.run().name(), Mark.BAR, points));
        }
        return new PlotData(
                "Reflection markers vs correctness",
                "samples",
                XScale.CATEGORY,
                categories,
                List.of(new Panel("markers per 1,000 tokens", 0, Double.NaN, series)),
                List.of());
    }

    /** The facts of the samples kept, the others null so that {@link Overthinking#of} skips them. */
    private static List<SampleEfficiency> subset(List<SampleEfficiency> facts, IntPredicate in) {
        List<SampleEfficiency> kept = new ArrayList<>(facts.size());
        for (int s = 0; s < facts.size(); s++) {
            kept.add(in.test(s) ? facts.get(s) : null);
        }
        return kept;
    }
}
