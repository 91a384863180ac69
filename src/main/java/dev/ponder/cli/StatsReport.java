package dev.ponder.cli;

import dev.ponder.core.analysis.Bootstrap;
import dev.ponder.core.analysis.CurvePoint;
import dev.ponder.core.analysis.LengthAccuracy;
import dev.ponder.core.analysis.Overthinking;
import dev.ponder.core.analysis.ProblemStats;
import dev.ponder.core.analysis.RunStats;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.analysis.VoteDistribution;
import dev.ponder.core.model.Run;
import dev.ponder.core.service.AnalysisService;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code ponder stats} for people: the run's figures as aligned tables, percentages with one decimal. */
final class StatsReport {
    private final PrintWriter out;

    StatsReport(PrintWriter out) {
        this.out = out;
    }

    void print(Run run, AnalysisService.Report report) {
        RunStats stats = report.stats();
        line("Run %d \"%s\"%s", run.id(), run.name(), run.model() == null ? "" : " · " + run.model());
        line(
                "%,d problems · %,d samples · %,d graded by %s",
                stats.problems(),
                stats.samples(),
                stats.gradedSamples(),
                report.grader() == null ? "no grader" : report.grader());
        if (stats.samples() == 0) {
            line("The run has no samples to compute figures from (a search tree alone is shown by the tree view).");
            out.flush();
            return;
        }
        line("Accuracy         %s", withInterval(stats.accuracy()));
        out.println();
        curves(stats);
        if (stats.firstFinish() != null) {
            line(
                    "First Finish     %s over %,d problems, %s tokens each",
                    percent(stats.firstFinish().accuracy()),
                    stats.firstFinish().problems(),
                    tokens(stats.firstFinish().meanTokens()));
        }
        if (stats.lengthBins() != null) {
            lengthBins(stats.lengthBins());
            difficulty(stats.difficulty());
        }
        overthinking(stats.overthinking(), stats.options());
        if (report.problems() != null) {
            problems(report.problems(), report.problemKeys());
        }
        options(stats);
        out.flush();
    }

    private void curves(RunStats stats) {
        boolean best = stats.bestOfN() != null;
        String header = "%5s  %-21s  %-21s  %-21s" + (best ? "  %8s  %8s" : "%s%s") + "  %10s%n";
        out.printf(
                Locale.ROOT,
                header,
                "k",
                "pass@k",
                "maj@k (random k)",
                "maj@k (first k)",
                best ? "weighted" : "",
                best ? "naive" : "",
                "tokens");
        for (int i = 0; i < stats.ks().size(); i++) {
            CurvePoint pass = stats.passAtK().get(i);
            out.printf(
                    Locale.ROOT,
                    header,
                    pass.k(),
                    withInterval(pass),
                    withInterval(stats.majority().expected().get(i)),
                    withInterval(stats.majority().firstK().get(i)),
                    best ? percent(stats.bestOfN().weighted().get(i).value()) : "",
                    best ? percent(stats.bestOfN().naive().get(i).value()) : "",
                    tokens(pass.tokens()));
        }
        dev.ponder.core.analysis.CoverageFit fit = stats.coverageFit();
        if (fit != null) {
            double k90 = fit.samplesFor(0.9);
            out.printf(
                    Locale.ROOT,
                    "pass@k fit        c(k) ≈ %s over %d points (Large Language Monkeys)%s%n",
                    fit.equation(),
                    fit.points(),
                    Double.isFinite(k90) ? String.format(Locale.ROOT, "; 90%% at k ≈ %,.0f", k90) : "");
        }
        out.printf(
                Locale.ROOT,
                "maj@k over random subsets: %s%n%n",
                stats.majority().exact()
                        ? "exact (every subset)"
                        : "exact where the subsets are few, else "
                                + stats.options().draws() + " seeded draws per problem");
    }

    private void lengthBins(List<LengthAccuracy.Bin> bins) {
        out.println();
        line("Length vs accuracy (%d equal-count bins)", bins.size());
        for (LengthAccuracy.Bin bin : bins) {
            line(
                    "  %7d – %-7d tokens  %,8d samples  %s",
                    bin.minTokens(), bin.maxTokens(), bin.samples(), withInterval(bin.accuracy()));
        }
    }

    private void difficulty(List<LengthAccuracy.Bucket> buckets) {
        line("Difficulty (by pass rate; level 1 easiest; empty levels left out)");
        for (LengthAccuracy.Bucket bucket : buckets) {
            if (bucket.problems() == 0) {
                continue;
            }
            double samples =
                    bucket.bins().stream().mapToInt(LengthAccuracy.Bin::samples).sum();
            double correct = bucket.bins().stream()
                    .mapToDouble(bin -> bin.accuracy().mean() * bin.samples())
                    .sum();
            line(
                    "  level %d  pass rate %s – %s  %,6d problems  accuracy %s",
                    bucket.level(),
                    percent(bucket.low()),
                    percent(bucket.high()),
                    bucket.problems(),
                    percent(samples == 0 ? Double.NaN : correct / samples));
        }
    }

    private void overthinking(Overthinking figures, StatsOptions options) {
        if (figures == null) {
            return;
        }
        out.println();
        line(
                "Overthinking over %,d samples (markers: %s)",
                figures.samples(), String.join(", ", options.markers().phrases()));
        figure("outcome efficiency ξ_O", decimal(figures.outcomeEfficiency()));
        figure(
                "process efficiency ξ_P",
                decimal(figures.processEfficiency())
                        + "   (distinct intermediate answers stand in for solution clusters)");
        figure("solved along the way", percent(figures.solvedShare()));
        figure("tokens after 1st correct", tokens(figures.tokensAfterFirstCorrect()));
        figure("thoughts per sample", decimal(figures.meanThoughts()));
        figure("answers per sample", decimal(figures.meanSolutions()));
        figure("markers per 1k tokens", decimal(figures.markersPerThousandTokens()));
        line(
                "  flips right→wrong %,d, wrong→right %,d, in %,d samples",
                figures.flipsToWrong(), figures.flipsToRight(), figures.samplesWithFlips());
    }

    private void figure(String name, String value) {
        line("  %-25s %s", name, value);
    }

    private void problems(List<ProblemStats> problems, Map<Long, String> keys) {
        out.println();
        int last = problems.isEmpty() || problems.get(0).atK().isEmpty()
                ? 0
                : problems.get(0).atK().get(problems.get(0).atK().size() - 1).k();
        String row = "%-24s  %5s  %7s  %9s  %9s  %-16s  %6s  %6s  %7s%n";
        out.printf(
                Locale.ROOT,
                row,
                "PROBLEM",
                "N",
                "CORRECT",
                "PASS@" + last,
                "MAJ@" + last,
                "TOP ANSWER",
                "SHARE",
                "MARGIN",
                "ENTROPY");
        for (ProblemStats problem : problems) {
            ProblemStats.AtK atLast = problem.atK().isEmpty()
                    ? null
                    : problem.atK().get(problem.atK().size() - 1);
            VoteDistribution votes = problem.votes();
            VoteDistribution.Cluster top =
                    votes.clusters().isEmpty() ? null : votes.clusters().get(0);
            String key = keys.getOrDefault(problem.problemId(), "#" + problem.problemId());
            out.printf(
                    Locale.ROOT,
                    row,
                    InfoCommand.clip(key, 24),
                    problem.samples(),
                    problem.correct(),
                    atLast == null ? "-" : percent(atLast.passAtK()),
                    atLast == null ? "-" : percent(atLast.majFirstK()),
                    top == null
                            ? "-"
                            : InfoCommand.clip(top.answer() + (Boolean.TRUE.equals(top.correct()) ? " ✓" : ""), 16),
                    top == null ? "-" : percent(top.share()),
                    percent(votes.margin()),
                    decimal(votes.entropyBits()));
        }
    }

    private void options(RunStats stats) {
        StatsOptions options = stats.options();
        out.println();
        line(
                "Intervals: 95%% percentile bootstrap over problems, %,d resamples, seed %d",
                options.resamples(), options.seed());
    }

    private void line(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
    }

    static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    private static String withInterval(CurvePoint point) {
        return withInterval(point.value(), point.low(), point.high());
    }

    private static String withInterval(Bootstrap.Interval interval) {
        return withInterval(interval.mean(), interval.low(), interval.high());
    }

    /** The value, with its interval where one was computed. */
    private static String withInterval(double value, double low, double high) {
        if (Double.isNaN(low)) {
            return percent(value);
        }
        return String.format(Locale.ROOT, "%s [%.1f, %.1f]", percent(value), 100 * low, 100 * high);
    }

    private static String decimal(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String tokens(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }
}
