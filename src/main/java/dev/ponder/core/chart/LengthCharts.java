package dev.ponder.core.chart;

import dev.ponder.core.analysis.Histogram;
import dev.ponder.core.analysis.LengthAccuracy;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.chart.PlotData.Mark;
import dev.ponder.core.chart.PlotData.Panel;
import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import dev.ponder.core.chart.PlotData.XScale;
import dev.ponder.core.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Length against accuracy: {@link LengthAccuracy}'s equal-count bins (of thinking tokens where counted, else all
 * tokens) with their exact intervals, for the run or one difficulty level, or a panel per level; every sample's
 * tokens as a jittered strip, right and wrong; and histograms of the tokens right and wrong samples spent.
 */
final class LengthCharts {
    /** Strips draw at most this many samples of each kind, chosen at random with the spec's seed. */
    static final int STRIP_LIMIT = 5_000;

    private static final String TOKENS = "thinking tokens";

    private LengthCharts() {}

    static PlotData bins(ChartSpec spec, ChartInputs inputs) {
        List<Series> series = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (long runId : spec.runs()) {
            Run run = inputs.run(runId);
            RunColumns columns = inputs.columns(runId, spec.grader());
            if (!columns.hasTokens()) {
                notes.add(run.name() + " has no token counts");
                continue;
            }
            List<LengthAccuracy.Bin> bins = spec.level() == 0
                    ? LengthAccuracy.bins(columns, spec.bins())
                    : LengthAccuracy.byDifficulty(columns, null, spec.bins())
                            .get(spec.level() - 1)
                            .bins();
            series.add(new Series(
                    run.name(),
                    Mark.LINE,
                    points(
                            runId,
                            run.name(),
                            columns,
                            bins,
                            LengthAccuracy.members(columns, spec.level(), null, spec.bins()))));
        }
        String title =
                spec.level() == 0 ? "Accuracy vs length" : "Accuracy vs length, difficulty level " + spec.level();
        return new PlotData(
                title,
                TOKENS + " (bin mean)",
                XScale.LINEAR,
                List.of(),
                List.of(new Panel("accuracy", 0, 1, series)),
                notes);
    }

    static PlotData byDifficulty(ChartSpec spec, ChartInputs inputs) {
        List<List<Series>> panels = new ArrayList<>();
        List<String> panelNames = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (long runId : spec.runs()) {
            Run run = inputs.run(runId);
            RunColumns columns = inputs.columns(runId, spec.grader());
            if (!columns.hasTokens()) {
                notes.add(run.name() + " has no token counts");
                continue;
            }
            List<LengthAccuracy.Bucket> buckets = LengthAccuracy.byDifficulty(columns, null, spec.bins());
            for (LengthAccuracy.Bucket bucket : buckets) {
                if (spec.level() != 0 && bucket.level() != spec.level()) {
                    continue;
                }
                int index = spec.level() == 0 ? bucket.level() - 1 : 0;
                while (panels.size() <= index) {
                    panels.add(new ArrayList<>());
                    panelNames.add(null);
                }
                if (panelNames.get(index) == null) {
                    panelNames.set(
                            index,
                            String.format(
                                    Locale.ROOT,
                                    "level %d%s",
                                    bucket.level(),
                                    bucket.level() == 1
                                            ? " (easiest)"
                                            : bucket.level() == buckets.size() ? " (hardest)" : ""));
                }
                panels.get(index)
                        .add(new Series(
                                run.name(),
                                Mark.LINE,
                                points(
                                        runId,
                                        run.name() + ", level " + bucket.level(),
                                        columns,
                                        bucket.bins(),
                                        LengthAccuracy.members(columns, bucket.level(), null, spec.bins()))));
            }
        }
        List<Panel> built = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            built.add(new Panel(panelNames.get(i), 0, 1, panels.get(i)));
        }
        notes.add("difficulty levels: pass-rate quintiles of each run's problems, level 1 the easiest");
        return new PlotData(
                "Accuracy vs length by difficulty", TOKENS + " (bin mean)", XScale.LINEAR, List.of(), built, notes);
    }

    private static List<Point> points(
            long runId, String name, RunColumns columns, List<LengthAccuracy.Bin> bins, int[][] members) {
        List<Point> points = new ArrayList<>();
        for (int b = 0; b < bins.size(); b++) {
            LengthAccuracy.Bin bin = bins.get(b);
            String range = String.format(Locale.ROOT, "%,d–%,d tokens", bin.minTokens(), bin.maxTokens());
            String label = name + ", " + range + ": "
                    + Labels.percent(
                            bin.accuracy().mean(),
                            bin.accuracy().low(),
                            bin.accuracy().high()) + ", " + Labels.count(bin.samples(), "sample");
            points.add(Point.at(
                    bin.meanTokens(),
                    bin.accuracy().mean(),
                    bin.accuracy().low(),
                    bin.accuracy().high(),
                    bin.samples(),
                    label,
                    Selections.ofSamples(runId, "samples with " + range, columns, members[b])));
        }
        return points;
    }

    /** Right and wrong samples' tokens as a strip per run and verdict, jittered sideways. */
    static PlotData strip(ChartSpec spec, ChartInputs inputs) {
        List<String> categories = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean overlaid = spec.runs().size() > 1;
        SplittableRandom random = new SplittableRandom(spec.seed());
        for (long runId : spec.runs()) {
            Run run = inputs.run(runId);
            RunColumns columns = inputs.columns(runId, spec.grader());
            int[] level = levelOfSamples(spec, columns);
            for (int verdict = 1; verdict >= 0; verdict--) {
                String what = verdict == 1 ? "correct" : "wrong";
                int x = categories.size();
                categories.add(Labels.series(run.name(), what, overlaid));
                int wanted = verdict;
                int[] chosen = java.util.stream.IntStream.range(0, columns.samples())
                        .filter(s -> columns.verdict(s) == wanted
                                && columns.thinkingOrTotal(s) >= 0
                                && (level == null || level[s] == spec.level()))
                        .toArray();
                int total = chosen.length;
                if (chosen.length > STRIP_LIMIT) {
                    chosen = sample(chosen, random);
                    notes.add(String.format(
                            Locale.ROOT,
                            "%s: %,d of %,d %s samples drawn, at random (seed %d)",
                            run.name(),
                            STRIP_LIMIT,
                            total,
                            what,
                            spec.seed()));
                }
                List<Point> points = new ArrayList<>();
                for (int s : chosen) {
                    int tokens = columns.thinkingOrTotal(s);
                    int sample = s;
                    points.add(Point.at(
                            x + (random.nextDouble() - 0.5) * 0.6,
                            tokens,
                            Double.NaN,
                            Double.NaN,
                            1,
                            String.format(Locale.ROOT, "%s sample: %,d tokens", what, tokens),
                            Selections.ofSamples(runId, "this " + what + " sample", columns, new int[] {sample})));
                }
                series.add(new Series(
                        Labels.series(run.name(), what, overlaid),
                        Mark.POINTS,
                        points,
                        Series.meaning(verdict, overlaid)));
            }
        }
        return new PlotData(
                "Tokens by correctness",
                "",
                XScale.CATEGORY,
                categories,
                List.of(new Panel(TOKENS, 0, Double.NaN, series)),
                notes);
    }

    /** A seeded random choice of {@link #STRIP_LIMIT} of the positions, kept in order. */
    private static int[] sample(int[] positions, SplittableRandom random) {
        int[] copy = positions.clone();
        for (int i = 0; i < STRIP_LIMIT; i++) {
            int j = i + random.nextInt(copy.length - i);
            int swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        int[] chosen = java.util.Arrays.copyOf(copy, STRIP_LIMIT);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    /** Histograms of the tokens of right and wrong samples, over bins shared by every run. */
    static PlotData distribution(ChartSpec spec, ChartInputs inputs) {
        List<RunColumns> runs = spec.runs().stream()
                .map(id -> inputs.columns(id, spec.grader()))
                .toList();
        List<int[]> levels =
                runs.stream().map(columns -> levelOfSamples(spec, columns)).toList();
        List<double[]> tokens = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            RunColumns columns = runs.get(r);
            int[] level = levels.get(r);
            double[] spent = new double[columns.samples()];
            for (int s = 0; s < spent.length; s++) {
                boolean counts = columns.verdict(s) != RunColumns.UNGRADED
                        && columns.thinkingOrTotal(s) >= 0
                        && (level == null || level[s] == spec.level());
                spent[s] = counts ? columns.thinkingOrTotal(s) : Double.NaN;
            }
            tokens.add(spent);
        }
        Histogram histogram = Histogram.over(
                tokens.stream().flatMapToDouble(java.util.Arrays::stream).toArray(), spec.bins());
        List<Series> series = new ArrayList<>();
        boolean overlaid = runs.size() > 1;
        for (int r = 0; r < runs.size(); r++) {
            long runId = spec.runs().get(r);
            String runName = inputs.run(runId).name();
            RunColumns columns = runs.get(r);
            double[] spent = tokens.get(r);
            for (int verdict = 1; verdict >= 0; verdict--) {
                int wanted = verdict;
                String what = verdict == 1 ? "correct" : "wrong";
                Series bars = histogramSeries(
                        runId,
                        Labels.series(runName, what, overlaid),
                        what + " samples",
                        columns,
                        histogram,
                        spent,
                        s -> columns.verdict(s) == wanted);
                series.add(new Series(bars.name(), bars.mark(), bars.points(), Series.meaning(verdict, overlaid)));
            }
        }
        return new PlotData(
                "Token distribution",
                TOKENS,
                XScale.LINEAR,
                List.of(),
                List.of(new Panel("samples", 0, Double.NaN, series)),
                List.of());
    }

    /** A bar per bin counting the samples the predicate keeps whose value falls in it. */
    static Series histogramSeries(
            long runId,
            String name,
            String what,
            RunColumns columns,
            Histogram histogram,
            double[] value,
            IntPredicate keep) {
        int[][] members = new int[histogram.bins()][];
        int[] counts = new int[histogram.bins()];
        int[] bin = new int[value.length];
        for (int s = 0; s < value.length; s++) {
            bin[s] = keep.test(s) ? histogram.binOf(value[s]) : -1;
            if (bin[s] >= 0) {
                counts[bin[s]]++;
            }
        }
        for (int b = 0; b < members.length; b++) {
            members[b] = new int[counts[b]];
        }
        int[] filled = new int[histogram.bins()];
        for (int s = 0; s < value.length; s++) {
            if (bin[s] >= 0) {
                members[bin[s]][filled[bin[s]]++] = s;
            }
        }
        List<Point> points = new ArrayList<>();
        for (int b = 0; b < histogram.bins(); b++) {
            String range = String.format(
                    Locale.ROOT,
                    "%s–%s tokens",
                    Labels.number(Math.ceil(histogram.low(b))),
                    Labels.number(Math.floor(histogram.high(b))));
            points.add(Point.bar(
                    histogram.low(b),
                    histogram.high(b),
                    counts[b],
                    counts[b],
                    name + ", " + range + ": " + Labels.count(counts[b], "sample"),
                    Selections.ofSamples(runId, what + " with " + range, columns, members[b])));
        }
        return new Series(name, Mark.BAR, points);
    }

    /** Each sample's difficulty level when the spec keeps one level, else {@code null}. */
    static int[] levelOfSamples(ChartSpec spec, RunColumns columns) {
        if (spec.level() == 0) {
            return null;
        }
        int[] problemLevel = LengthAccuracy.difficultyLevels(columns, null);
        int[] problemOf = columns.problemOfEachSample();
        int[] level = new int[columns.samples()];
        for (int s = 0; s < level.length; s++) {
            level[s] = problemLevel[problemOf[s]];
        }
        return level;
    }
}
