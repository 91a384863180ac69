package dev.ponder.core.chart;

import dev.ponder.core.analysis.RunComparison;
import dev.ponder.core.chart.PlotData.Mark;
import dev.ponder.core.chart.PlotData.Panel;
import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import dev.ponder.core.chart.PlotData.XScale;
import dev.ponder.core.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Run B against run A, problem by problem ({@link RunComparison}): the first two runs of the spec are A and B. The
 * flips per difficulty level of A (which runs solve each shared problem by majority vote), and each shared problem's
 * pass rate in B against A; a bar or a point opens its problems in the workbench.
 */
final class PairedCharts {
    private static final String[] FLIP_NAMES = {"both solve", "A only", "B only", "neither"};

    private PairedCharts() {}

    static PlotData flips(ChartSpec spec, ChartInputs inputs) {
        Paired paired = paired(spec, inputs);
        if (paired == null) {
            return twoRunsWanted("Flips by difficulty", "difficulty level of A");
        }
        RunComparison c = paired.comparison;
        List<String> categories = new ArrayList<>();
        List<List<Point>> bars = new ArrayList<>();
        for (int f = 0; f < FLIP_NAMES.length; f++) {
            bars.add(new ArrayList<>());
        }
        double width = 0.8 / FLIP_NAMES.length;
        for (int x = 0; x < c.levels().size(); x++) {
            RunComparison.Level level = c.levels().get(x);
            categories.add(level.level() + (level.level() == 1 ? " · easy" : level.level() == 5 ? " · hard" : ""));
            for (RunComparison.Flip flip : RunComparison.Flip.values()) {
                int f = flip.ordinal();
                int count = level.count(flip);
                double left = x - 0.4 + f * width;
                long[] problems = c.problems().stream()
                        .filter(pair -> pair.level() == level.level() && pair.flip() == flip)
                        .mapToLong(RunComparison.PairedProblem::problemId)
                        .sorted()
                        .toArray();
                String what = String.format(Locale.ROOT, "%s, level %d of A", FLIP_NAMES[f], level.level());
                bars.get(f)
                        .add(Point.bar(
                                left,
                                left + width,
                                count,
                                count,
                                String.format(
                                        Locale.ROOT,
                                        "level %d: %s of %,d %s (B − A pass rate %+.3f)",
                                        level.level(),
                                        Labels.count(count, "problem"),
                                        level.problems(),
                                        flip == RunComparison.Flip.BOTH || flip == RunComparison.Flip.NEITHER
                                                ? FLIP_NAMES[f]
                                                : "solved by " + FLIP_NAMES[f].replace(" only", "") + " alone",
                                        level.difference()),
                                new Selection(paired.a.id(), what, () -> problems, () -> new long[0])));
            }
        }
        List<Series> series = new ArrayList<>();
        for (int f = 0; f < FLIP_NAMES.length; f++) {
            series.add(new Series(FLIP_NAMES[f], Mark.BAR, bars.get(f)));
        }
        return new PlotData(
                "Flips by difficulty: " + paired.a.name() + " (A) → " + paired.b.name() + " (B)",
                "difficulty level of A (pass-rate quintiles)",
                XScale.CATEGORY,
                categories,
                List.of(new Panel("shared problems", 0, Double.NaN, series)),
                notes(c));
    }

    static PlotData rates(ChartSpec spec, ChartInputs inputs) {
        Paired paired = paired(spec, inputs);
        if (paired == null) {
            return twoRunsWanted("Pass rate, B against A", "pass rate in A");
        }
        RunComparison c = paired.comparison;
        List<List<Point>> points = new ArrayList<>();
        for (int f = 0; f < FLIP_NAMES.length; f++) {
            points.add(new ArrayList<>());
        }
        java.util.Map<Long, String> keys = inputs.problemKeys(paired.a.id());
        for (RunComparison.PairedProblem pair : c.problems()) {
            String key = keys.getOrDefault(pair.problemId(), String.valueOf(pair.problemId()));
            long[] problem = {pair.problemId()};
            points.get(pair.flip().ordinal())
                    .add(Point.at(
                            pair.rateA(),
                            pair.rateB(),
                            Double.NaN,
                            Double.NaN,
                            1,
                            String.format(
                                    Locale.ROOT,
                                    "%s: A %s, B %s (%s)",
                                    key,
                                    Labels.percent(pair.rateA()),
                                    Labels.percent(pair.rateB()),
                                    FLIP_NAMES[pair.flip().ordinal()]),
                            new Selection(paired.a.id(), key, () -> problem, () -> new long[0])));
        }
        List<Series> series = new ArrayList<>();
        series.add(new Series("B = A", Mark.REFERENCE, List.of(point(0, 0), point(1, 1))));
        for (int f = 0; f < FLIP_NAMES.length; f++) {
            List<Point> sorted = new ArrayList<>(points.get(f));
            sorted.sort(java.util.Comparator.comparingDouble(Point::x));
            series.add(new Series(FLIP_NAMES[f], Mark.POINTS, sorted));
        }
        return new PlotData(
                "Pass rate per problem: " + paired.a.name() + " (A) → " + paired.b.name() + " (B)",
                "pass rate in A",
                XScale.LINEAR,
                List.of(),
                List.of(new Panel("pass rate in B", 0, 1, series)),
                notes(c));
    }

    private record Paired(Run a, Run b, RunComparison comparison) {}

    private static Paired paired(ChartSpec spec, ChartInputs inputs) {
        if (spec.runs().size() < 2) {
            return null;
        }
        long a = spec.runs().get(0);
        long b = spec.runs().get(1);
        RunComparison comparison = RunComparison.of(
                inputs.columns(a, spec.grader()),
                inputs.columns(b, spec.grader()),
                RunComparison.Solved.MAJORITY,
                null,
                0,
                spec.seed());
        return new Paired(inputs.run(a), inputs.run(b), comparison);
    }

    private static List<String> notes(RunComparison c) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(
                Locale.ROOT,
                "%s shared, solved by majority vote; McNemar exact p = %.3g",
                Labels.count(c.shared(), "problem"),
                c.exactP()));
        if (c.onlyA() + c.onlyB() > 0) {
            notes.add(String.format(Locale.ROOT, "%,d only in A, %,d only in B, left out", c.onlyA(), c.onlyB()));
        }
        return notes;
    }

    private static PlotData twoRunsWanted(String title, String xLabel) {
        return new PlotData(
                title,
                xLabel,
                XScale.CATEGORY,
                List.of(),
                List.of(new Panel("shared problems", 0, Double.NaN, List.of())),
                List.of("overlay a second run: the first is A, the second B"));
    }

    private static Point point(double x, double y) {
        return Point.at(x, y, Double.NaN, Double.NaN, -1, "", null);
    }
}
