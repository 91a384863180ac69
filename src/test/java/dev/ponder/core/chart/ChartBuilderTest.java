package dev.ponder.core.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.analysis.Bootstrap;
import dev.ponder.core.analysis.Calibration;
import dev.ponder.core.analysis.CurvePoint;
import dev.ponder.core.analysis.LengthAccuracy;
import dev.ponder.core.analysis.Overthinking;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.RunData;
import dev.ponder.core.analysis.RunStats;
import dev.ponder.core.analysis.SampleEfficiency;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.analysis.VoteDistribution;
import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each chart's plotted numbers against the analysis engine's (and, for the fixtures made for it, against hand
 * computation), and each chart drawn headless with what it plotted.
 */
class ChartBuilderTest {
    @TempDir
    Path dir;

    private Workspace workspace;
    private ChartInputs inputs;
    private long sample;
    private RunColumns columns;
    private RunStats stats;

    @BeforeEach
    void open() {
        workspace = Workspace.create(dir.resolve("charts.ponder"));
        sample = ChartFixtures.sampleRun(workspace);
        inputs = new ChartInputs(workspace);
        columns = RunData.columns(workspace, sample);
        stats = RunStats.of(
                columns,
                RunData.efficiency(workspace, sample, ReflectionMarkers.DEFAULT, TaskContext.NONE),
                StatsOptions.DEFAULT);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private PlotData build(ChartSpec spec) {
        PlotData data = build(spec, inputs);
        RenderedChart drawn = ChartRenderer.render(data, spec.style());
        assertThat(drawn.chart()).isNotNull();
        int drawnPoints = drawn.index().entrySet().stream()
                .mapToInt(entry -> {
                    int count = 0;
                    for (int s = 0; s < entry.getKey().getSeriesCount(); s++) {
                        for (int i = 0; i < entry.getKey().getItemCount(s); i++) {
                            Point point = drawn.pointAt(entry.getKey(), s, i).orElseThrow();
                            assertThat((Double) entry.getKey().getYValue(s, i))
                                    .as("drawn y of " + point.label())
                                    .isEqualTo((Double) point.y());
                            count++;
                        }
                    }
                    return count;
                })
                .sum();
        assertThat(drawnPoints)
                .as("every plotted point is drawn")
                .isEqualTo(data.panels().stream()
                        .flatMap(panel -> panel.series().stream())
                        .mapToInt(series -> series.points().size())
                        .sum());
        return data;
    }

    private static PlotData build(ChartSpec spec, ChartInputs inputs) {
        return ChartBuilder.build(spec, inputs, TaskContext.NONE);
    }

    private static Series series(PlotData data, String name) {
        return data.panels().stream()
                .flatMap(panel -> panel.series().stream())
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + name + " in " + data.panels()));
    }

    @Test
    void scalingCurvesAreTheStatsFigures() {
        PlotData data = build(ChartSpec.of(ChartKind.SCALING, List.of(sample)));
        assertSame(series(data, "pass@k").points(), stats.passAtK(), false);
        assertSame(series(data, "maj@k").points(), stats.majority().expected(), false);
        assertSame(series(data, "weighted BoN@k").points(), stats.bestOfN().weighted(), false);
        assertSame(series(data, "naive BoN@k").points(), stats.bestOfN().naive(), false);
        assertThat(data.xScale()).isEqualTo(PlotData.XScale.LOG2);

        PlotData tokens = build(ChartSpec.of(ChartKind.SCALING_TOKENS, List.of(sample))
                .withCurves(List.of(Curve.PASS, Curve.MAJORITY_FIRST_K)));
        assertSame(series(tokens, "pass@k").points(), stats.passAtK(), true);
        assertSame(series(tokens, "maj@k (first k)").points(), stats.majority().firstK(), true);

        PlotData upToTwo =
                build(ChartSpec.of(ChartKind.SCALING, List.of(sample)).withKMax(2));
        assertThat(series(upToTwo, "pass@k").points()).extracting(Point::x).containsExactly(1.0, 2.0);
    }

    private static void assertSame(List<Point> points, List<CurvePoint> expected, boolean againstTokens) {
        assertThat(points).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            CurvePoint curve = expected.get(i);
            Point point = points.get(i);
            assertThat(point.x()).isEqualTo(againstTokens ? curve.tokens() : curve.k());
            assertThat(point.y()).isEqualTo(curve.value());
            assertThat((Double) point.low()).isEqualTo((Double) curve.low());
            assertThat((Double) point.high()).isEqualTo((Double) curve.high());
            assertThat(point.n()).isEqualTo(curve.problems());
        }
    }

    @Test
    void aScalingPointOpensTheProblemsNotAlwaysSolvedAtItsK() {
        Point atOne = series(build(ChartSpec.of(ChartKind.SCALING, List.of(sample))), "pass@k")
                .points()
                .get(0);
        long[] expected = java.util.stream.IntStream.range(0, columns.problems())
                .filter(p -> columns.correctCount(p) < columns.gradedCount(p))
                .mapToLong(columns::problemId)
                .toArray();
        assertThat(atOne.selection().problemIds()).containsExactly(expected);
        assertThat(atOne.selection().sampleIds()).isEmpty();
    }

    @Test
    void theBudgetCurveHasOnePointPerRunInBudgetOrder() {
        List<Long> sweep = ChartFixtures.budgetSweep(workspace, dir);
        ChartInputs fresh = new ChartInputs(workspace);
        PlotData data = build(ChartSpec.of(ChartKind.BUDGET, sweep), fresh);
        Series line = series(data, "sweep");
        assertThat(line.points()).extracting(Point::x).containsExactly(256.0, 512.0, 1024.0);
        assertThat(line.points()).extracting(Point::y).containsExactly(0.25, 0.5, 0.75);
        Bootstrap.Interval first =
                RunStats.accuracy(RunData.columns(workspace, sweep.get(1)), 1000, StatsOptions.DEFAULT.seed());
        assertThat(line.points().get(0).low()).isEqualTo(first.low());

        PlotData byTokens =
                build(ChartSpec.of(ChartKind.BUDGET, sweep).withBudgetAxis(ChartSpec.BudgetAxis.TOKENS), fresh);
        // Thinking tokens budget/2 + 0..3: a mean of budget/2 + 1.5.
        assertThat(series(byTokens, "sweep").points()).extracting(Point::x).containsExactly(129.5, 257.5, 513.5);

        PlotData without = build(ChartSpec.of(ChartKind.BUDGET, List.of(sample)), fresh);
        assertThat(without.notes()).anyMatch(note -> note.contains("no budget"));
    }

    @Test
    void voteBarsAreTheProblemsClusters() {
        PlotData data = build(ChartSpec.of(ChartKind.VOTES, List.of(sample)).withProblem("tiny-arith/0001"));
        VoteDistribution votes = VoteDistribution.of(columns, 0);
        List<Point> bars = data.panels().get(0).series().stream()
                .flatMap(series -> series.points().stream())
                .sorted(java.util.Comparator.comparingDouble(Point::x))
                .toList();
        assertThat(bars)
                .extracting(Point::y)
                .containsExactlyElementsOf(votes.clusters().stream()
                        .map(cluster -> (double) cluster.votes())
                        .toList());
        assertThat(data.categories()).first().asString().startsWith("♦ 85");
        assertThat(bars.get(0).selection().sampleIds())
                .hasSize(votes.clusters().get(0).votes());

        assertThatThrownBy(() ->
                        build(ChartSpec.of(ChartKind.VOTES, List.of(sample)).withProblem("nope"), inputs))
                .hasMessageContaining("no problem nope");
    }

    @Test
    void voteMarginsCountEveryProblemOnceByItsMajoritysVerdict() {
        PlotData data =
                build(ChartSpec.of(ChartKind.VOTE_MARGINS, List.of(sample)).withBins(4));
        double right = series(data, "majority right").points().stream()
                .mapToDouble(Point::y)
                .sum();
        double wrong = series(data, "majority wrong").points().stream()
                .mapToDouble(Point::y)
                .sum();
        assertThat(right + wrong).isEqualTo(columns.problems());
        assertThat(right)
                .isEqualTo(
                        stats.majority()
                                        .firstK()
                                        .get(stats.majority().firstK().size() - 1)
                                        .value()
                                * columns.problems(),
                        within(1e-9));
    }

    @Test
    void lengthBinsAreTheStatsBins() {
        PlotData data = build(ChartSpec.of(ChartKind.LENGTH, List.of(sample)));
        List<Point> points = data.panels().get(0).series().get(0).points();
        assertThat(points).hasSameSizeAs(stats.lengthBins());
        for (int b = 0; b < points.size(); b++) {
            LengthAccuracy.Bin bin = stats.lengthBins().get(b);
            assertThat(points.get(b).x()).isEqualTo(bin.meanTokens());
            assertThat(points.get(b).y()).isEqualTo(bin.accuracy().mean());
            assertThat(points.get(b).low()).isEqualTo(bin.accuracy().low());
            assertThat(points.get(b).selection().sampleIds()).hasSize(bin.samples());
        }

        PlotData levels =
                build(ChartSpec.of(ChartKind.LENGTH_DIFFICULTY, List.of(sample)).withBins(3));
        List<LengthAccuracy.Bucket> buckets = LengthAccuracy.byDifficulty(columns, null, 3);
        long nonEmpty =
                buckets.stream().filter(bucket -> !bucket.bins().isEmpty()).count();
        assertThat(levels.panels().stream()
                        .filter(panel -> !panel.series().isEmpty()
                                && !panel.series().get(0).points().isEmpty())
                        .count())
                .isEqualTo(nonEmpty);
    }

    @Test
    void tokenChartsCountEveryGradedSampleOnce() {
        long right = countVerdict(1);
        long wrong = countVerdict(0);
        PlotData strip = build(ChartSpec.of(ChartKind.LENGTH_SCATTER, List.of(sample)));
        assertThat(series(strip, "correct").points()).hasSize((int) right);
        assertThat(series(strip, "wrong").points()).hasSize((int) wrong);
        assertThat(series(strip, "wrong").points()).allMatch(point -> Math.abs(point.x() - 1) <= 0.3);

        PlotData histogram =
                build(ChartSpec.of(ChartKind.TOKENS, List.of(sample)).withBins(5));
        assertThat(series(histogram, "correct").points().stream()
                        .mapToDouble(Point::y)
                        .sum())
                .isEqualTo(right);
        assertThat(series(histogram, "wrong").points().stream()
                        .mapToDouble(Point::y)
                        .sum())
                .isEqualTo(wrong);
    }

    private long countVerdict(int verdict) {
        return java.util.stream.IntStream.range(0, columns.samples())
                .filter(s -> columns.verdict(s) == verdict && columns.thinkingOrTotal(s) >= 0)
                .count();
    }

    @Test
    void overthinkingChartsAreTheOverthinkingFigures() {
        List<SampleEfficiency> facts =
                RunData.efficiency(workspace, sample, ReflectionMarkers.DEFAULT, TaskContext.NONE);
        PlotData efficiency = build(ChartSpec.of(ChartKind.EFFICIENCY, List.of(sample)));
        List<Point> bars = efficiency.panels().get(0).series().get(0).points();
        Point all = bars.get(bars.size() - 1);
        assertThat(efficiency.categories().get((int) all.x())).isEqualTo("all");
        assertThat(all.y()).isEqualTo(stats.overthinking().outcomeEfficiency());
        assertThat(all.n()).isEqualTo(stats.overthinking().samples());

        PlotData markers = build(ChartSpec.of(ChartKind.MARKERS, List.of(sample)));
        assertThat(markers.panels().get(0).series().get(0).points().get(2).y())
                .isEqualTo(stats.overthinking().markersPerThousandTokens());

        PlotData after = build(
                ChartSpec.of(ChartKind.AFTER_FIRST_CORRECT, List.of(sample)).withBins(4));
        Series histogram = after.panels().get(0).series().get(0);
        long solved = facts.stream()
                .filter(fact -> fact.tokens() > 0 && fact.firstCorrectAt() >= 0)
                .count();
        assertThat(histogram.points().stream().mapToDouble(Point::y).sum()).isEqualTo(solved);
        assertThat(histogram.name())
                .contains("mean " + Math.round(Overthinking.of(facts).tokensAfterFirstCorrect()));
    }

    @Test
    void roundsShowEachRoundsAccuracyAndTheVerdictsThatMoved() {
        long rounds = ChartFixtures.twoRounds(workspace, dir);
        PlotData data =
                build(ChartSpec.of(ChartKind.ROUNDS, List.of(rounds)).withResamples(0), new ChartInputs(workspace));
        assertThat(series(data, "two rounds").points()).extracting(Point::y).containsExactly(0.5, 4.0 / 6);
        assertThat(series(data, "wrong → right").points()).extracting(Point::y).containsExactly(2.0);
        assertThat(series(data, "right → wrong").points()).extracting(Point::y).containsExactly(1.0);
        RenderedChart drawn = ChartRenderer.render(data, PaperStyle.SINGLE_COLUMN);
        assertThat(paintOf(drawn, "right → wrong"))
                .as("turning wrong is drawn in the colour of wrong everywhere in Ponder")
                .isEqualTo(PaperColours.WRONG);
        assertThat(paintOf(drawn, "wrong → right")).isEqualTo(PaperColours.CORRECT);
        Selection turned = series(data, "right → wrong").points().get(0).selection();
        assertThat(turned.sampleIds()).hasSize(1);
        assertThat(turned.problemIds()).hasSize(1);
        // The last round's accuracy is the run's accuracy, interval and all.
        PlotData withIntervals = build(ChartSpec.of(ChartKind.ROUNDS, List.of(rounds)), new ChartInputs(workspace));
        org.jfree.chart.title.LegendTitle legend = ChartRenderer.render(withIntervals, PaperStyle.SINGLE_COLUMN)
                .chart()
                .getLegend();
        List<String> legendLabels = new java.util.ArrayList<>();
        for (org.jfree.chart.LegendItemSource source : legend.getSources()) {
            for (int i = 0; i < source.getLegendItems().getItemCount(); i++) {
                legendLabels.add(source.getLegendItems().get(i).getLabel());
            }
        }
        assertThat(legendLabels).as("the bands are explained").contains(ChartRenderer.BAND_LEGEND);
        Point last = series(withIntervals, "two rounds").points().get(1);
        Bootstrap.Interval run =
                RunStats.accuracy(RunData.columns(workspace, rounds), 1000, StatsOptions.DEFAULT.seed());
        assertThat(new double[] {last.y(), last.low(), last.high()}).containsExactly(run.mean(), run.low(), run.high());
    }

    private static java.awt.Paint paintOf(RenderedChart drawn, String name) {
        for (var entry : drawn.index().entrySet()) {
            for (int s = 0; s < entry.getValue().size(); s++) {
                if (entry.getValue().get(s).name().equals(name)) {
                    List<org.jfree.chart.plot.XYPlot> plots =
                            drawn.chart().getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined
                                    ? combined.getSubplots()
                                    : List.of(drawn.chart().getXYPlot());
                    for (org.jfree.chart.plot.XYPlot plot : plots) {
                        if (plot.indexOf(entry.getKey()) >= 0) {
                            return plot.getRendererForDataset(entry.getKey()).getSeriesPaint(s);
                        }
                    }
                }
            }
        }
        throw new AssertionError(name + " is not drawn");
    }

    /** A chart drawn large on screen keeps a printed figure's few round ticks, not a label every 0.02. */
    @Test
    void aTallChartHasFewTicks() {
        PlotData data = build(ChartSpec.of(ChartKind.SCALING, List.of(sample)));
        RenderedChart drawn = ChartRenderer.render(data, PaperStyle.SINGLE_COLUMN, 9, false);
        drawn.chart().createBufferedImage(1000, 1600);
        org.jfree.chart.axis.NumberAxis range =
                (org.jfree.chart.axis.NumberAxis) drawn.chart().getXYPlot().getRangeAxis();
        double ticks = range.getRange().getLength() / range.getTickUnit().getSize();
        assertThat(ticks).isLessThanOrEqualTo(8.0).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void calibrationBinsAreTheCalibrationFigures() {
        PlotData data =
                build(ChartSpec.of(ChartKind.CALIBRATION, List.of(sample)).withBins(5));
        Calibration calibration = Calibration.of(columns, 5);
        Series run = data.panels().get(0).series().get(0);
        assertThat(run.name())
                .contains(String.format(java.util.Locale.ROOT, "ECE %.3f", calibration.expectedCalibrationError()));
        assertThat(run.points())
                .extracting(Point::x)
                .containsExactlyElementsOf(calibration.bins().stream()
                        .map(Calibration.Bin::meanScore)
                        .toList());
        assertThat(run.points())
                .extracting(Point::n)
                .containsExactlyElementsOf(calibration.bins().stream()
                        .map(Calibration.Bin::samples)
                        .toList());
        assertThat(Arrays.stream(data.panels().get(0).series().toArray(Series[]::new))
                        .map(Series::name))
                .contains("perfect calibration");
    }

    @Test
    void anotherGraderChangesTheVerdictsChartedButNotTheRun() {
        long sweepRun = ChartFixtures.budgetSweep(workspace, dir).get(1);
        ChartInputs fresh = new ChartInputs(workspace);
        // Under "exact" grading, answers equal to the gold string are right: the file's labels agree here.
        RunColumns exact = fresh.columns(sweepRun, "exact");
        RunColumns stored = fresh.columns(sweepRun, null);
        assertThat(exact.correctCount(0) + exact.correctCount(1))
                .isEqualTo(stored.correctCount(0) + stored.correctCount(1));
        assertThatThrownBy(() -> fresh.columns(sweepRun, "astrology")).hasMessageContaining("unknown grader");
    }

    @Test
    void severalRunsOverlayWithTheirNames() {
        List<Long> sweep = ChartFixtures.budgetSweep(workspace, dir);
        PlotData data = build(
                ChartSpec.of(ChartKind.SCALING, sweep).withCurves(List.of(Curve.PASS)), new ChartInputs(workspace));
        assertThat(data.panels().get(0).series())
                .extracting(Series::name)
                .containsExactly("budget 1024 · pass@k", "budget 256 · pass@k", "budget 512 · pass@k");
    }

    /** One run's pass@k curve gets Large Language Monkeys' law beside it: dashed, its equation in the notes. */
    @Test
    void oneRunsPassAtKCurveShowsItsFittedLaw() {
        long run = ChartFixtures.importFile(
                workspace, java.nio.file.Path.of("sample-runs/tiny-reasoner-best-of-16.jsonl"));
        PlotData data = build(
                ChartSpec.of(ChartKind.SCALING, List.of(run)).withCurves(List.of(Curve.PASS)),
                new ChartInputs(workspace));
        assertThat(data.panels().get(0).series())
                .filteredOn(series -> series.mark() == PlotData.Mark.REFERENCE)
                .singleElement()
                .satisfies(fit -> assertThat(fit.name()).endsWith("pass@k fit"));
        assertThat(data.notes()).anySatisfy(note -> assertThat(note).contains("pass@k ≈ exp(", "R²", "dashed"));
    }
}
