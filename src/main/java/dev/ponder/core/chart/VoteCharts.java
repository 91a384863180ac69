package dev.ponder.core.chart;

import dev.ponder.core.analysis.Histogram;
import dev.ponder.core.analysis.MajorityVote;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.VoteDistribution;
import dev.ponder.core.chart.PlotData.Mark;
import dev.ponder.core.chart.PlotData.Panel;
import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import dev.ponder.core.chart.PlotData.XScale;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Votes: one problem's answer clusters as bars ({@link VoteDistribution}: votes, or summed reward score), the
 * correct answer starred; and across problems, a histogram of the majority's vote margin for problems whose
 * full-N majority (first-seen tie rule, {@link MajorityVote#firstK}) is right and wrong.
 */
final class VoteCharts {
    private static final String NO_ANSWER = "(no answer)";

    private VoteCharts() {}

    static PlotData problem(ChartSpec spec, ChartInputs inputs) {
        if (spec.problem() == null) {
            throw new IllegalArgumentException("a vote distribution needs a problem (its key)");
        }
        Problem problem = inputs.problem(spec.problem())
                .orElseThrow(() ->
                        new IllegalArgumentException("there is no problem " + spec.problem() + " in this workspace"));
        boolean overlaid = spec.runs().size() > 1;
        Map<String, Integer> categories = new LinkedHashMap<>();
        Map<String, List<Point>> bySeries = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<Integer> answerless = new ArrayList<>();
        for (int r = 0; r < spec.runs().size(); r++) {
            long runId = spec.runs().get(r);
            Run run = inputs.run(runId);
            RunColumns columns = inputs.columns(runId, spec.grader());
            int p = columns.problemOf(problem.id());
            if (p < 0) {
                notes.add(run.name() + " has no sample of " + problem.key());
                continue;
            }
            VoteDistribution votes = VoteDistribution.of(columns, p);
            for (VoteDistribution.Cluster cluster : votes.clusters()) {
                String category = category(cluster.answer(), cluster.correct());
                int x = categories.computeIfAbsent(category, name -> categories.size());
                double value = spec.weighted() ? cluster.scoreSum() : cluster.votes();
                if (Double.isNaN(value)) {
                    continue;
                }
                int c = clusterIndex(columns, p, cluster.key());
                String label = String.format(
                        Locale.ROOT,
                        "%s%s: %s (%s of %s)%s",
                        overlaid ? run.name() + " · " : "",
                        cluster.answer(),
                        Labels.count(cluster.votes(), "vote"),
                        Labels.percent(cluster.share()),
                        Labels.count(votes.samples(), "sample"),
                        Double.isNaN(cluster.scoreSum())
                                ? ""
                                : String.format(Locale.ROOT, ", Σ reward %.3f", cluster.scoreSum()));
                Selection selection = Selections.ofSamples(
                        runId,
                        "samples of " + problem.key() + " answering " + cluster.answer(),
                        columns,
                        columns.first(p),
                        columns.first(p) + columns.size(p),
                        s -> columns.cluster(s) == c);
                String series = overlaid ? run.name() : verdictName(cluster.correct());
                bySeries.computeIfAbsent(series, name -> new ArrayList<>())
                        .add(Point.bar(x - 0.4, x + 0.4, value, cluster.votes(), label, selection));
            }
            if (votes.noAnswer() > 0 && !spec.weighted()) {
                int x = categories.computeIfAbsent(NO_ANSWER, name -> categories.size());
                answerless.add(x);
                Selection selection = Selections.ofSamples(
                        runId,
                        "samples of " + problem.key() + " without an answer",
                        columns,
                        columns.first(p),
                        columns.first(p) + columns.size(p),
                        s -> columns.cluster(s) == RunColumns.NO_ANSWER);
                String series = overlaid ? run.name() : "no answer";
                bySeries.computeIfAbsent(series, name -> new ArrayList<>())
                        .add(Point.bar(
                                x - 0.4,
                                x + 0.4,
                                votes.noAnswer(),
                                votes.noAnswer(),
                                (overlaid ? run.name() + " · " : "") + "no answer: "
                                        + Labels.count(votes.noAnswer(), "sample"),
                                selection));
            }
        }
        List<Series> series = new ArrayList<>();
        bySeries.forEach((name, points) -> series.add(new Series(name, Mark.BAR, points)));
        notes.add("♦ marks an answer graded correct; gold answer: " + problem.goldAnswer());
        return new PlotData(
                "Votes on " + problem.key(),
                "answer",
                XScale.CATEGORY,
                List.copyOf(categories.keySet()),
                List.of(new Panel(spec.weighted() ? "summed reward score" : "votes", 0, Double.NaN, series)),
                notes);
    }

    private static String category(String answer, Boolean correct) {
        String shown = answer.length() > 24 ? answer.substring(0, 23) + "…" : answer;
        return Boolean.TRUE.equals(correct) ? "♦ " + shown : shown;
    }

    private static String verdictName(Boolean correct) {
        return correct == null ? "ungraded" : correct ? "correct answer" : "wrong answer";
    }

    private static int clusterIndex(RunColumns columns, int problem, String key) {
        for (int c = 0; c < columns.clusters(problem); c++) {
            if (columns.clusterKey(problem, c).equals(key)) {
                return c;
            }
        }
        return -2;
    }

    static PlotData margins(ChartSpec spec, ChartInputs inputs) {
        Histogram histogram = Histogram.between(0, 1, spec.bins());
        boolean overlaid = spec.runs().size() > 1;
        List<Series> series = new ArrayList<>();
        for (long runId : spec.runs()) {
            Run run = inputs.run(runId);
            RunColumns columns = inputs.columns(runId, spec.grader());
            double[] margin = new double[columns.problems()];
            double[] majority = new double[columns.problems()];
            for (int p = 0; p < columns.problems(); p++) {
                margin[p] = VoteDistribution.of(columns, p).margin();
                majority[p] = MajorityVote.firstK(columns, p, columns.size(p));
            }
            for (int verdict = 1; verdict >= 0; verdict--) {
                String what = verdict == 1 ? "majority right" : "majority wrong";
                String name = Labels.series(run.name(), what, overlaid);
                List<Point> points = new ArrayList<>();
                for (int b = 0; b < histogram.bins(); b++) {
                    int bin = b;
                    int wanted = verdict;
                    java.util.function.IntPredicate in =
                            p -> majority[p] == wanted && histogram.binOf(margin[p]) == bin;
                    int n = (int) java.util.stream.IntStream.range(0, columns.problems())
                            .filter(in)
                            .count();
                    String range = String.format(Locale.ROOT, "margin %.2f–%.2f", histogram.low(b), histogram.high(b));
                    points.add(Point.bar(
                            histogram.low(b),
                            histogram.high(b),
                            n,
                            n,
                            name + ", " + range + ": " + Labels.count(n, "problem"),
                            Selections.ofProblems(runId, what + ", " + range, columns, in)));
                }
                series.add(new Series(name, Mark.BAR, points));
            }
        }
        return new PlotData(
                "Vote margins",
                "vote margin (leader's share − runner-up's)",
                XScale.LINEAR,
                List.of(),
                List.of(new Panel("problems", 0, Double.NaN, series)),
                List.of());
    }
}
