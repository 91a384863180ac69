package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.ponder.core.service.ComputeService;
import java.util.List;
import java.util.Map;

/**
 * {@code ponder stats --json}: the run's figures as one JSON document, field by field as docs/methods.md documents
 * it. A figure that does not exist for the run (NaN in Ponder) is {@code null}.
 */
final class StatsDocument {
    private StatsDocument() {}

    static ObjectNode of(Run run, AnalysisService.Report report) {
        RunStats stats = report.stats();
        List<ProblemStats> problems = report.problems();
        Map<Long, String> problemKeys = report.problemKeys();
        ObjectNode root = JsonOutput.object();
        ObjectNode about = root.putObject("run");
        about.put("id", run.id());
        about.put("name", run.name());
        about.put("model", run.model());
        about.put("strategy", run.strategy());
        about.put("format", run.source().format());
        about.put("source_path", run.source().path());
        root.put("grader", report.grader());
        options(root.putObject("options"), stats);
        root.put("problems", stats.problems());
        root.put("samples", stats.samples());
        root.put("graded_samples", stats.gradedSamples());
        interval(root.putObject("accuracy"), stats.accuracy());
        curve(root.putArray("pass_at_k"), stats.passAtK());
        coverageFit(root, stats.coverageFit());
        ObjectNode majority = root.putObject("maj_at_k");
        curve(majority.putArray("expected"), stats.majority().expected());
        curve(majority.putArray("first_k"), stats.majority().firstK());
        majority.put("exact", stats.majority().exact());
        if (stats.bestOfN() == null) {
            root.putNull("best_of_n");
        } else {
            ObjectNode best = root.putObject("best_of_n");
            curve(best.putArray("weighted"), stats.bestOfN().weighted());
            curve(best.putArray("naive"), stats.bestOfN().naive());
        }
        if (stats.firstFinish() == null) {
            root.putNull("first_finish");
        } else {
            ObjectNode first = root.putObject("first_finish");
            JsonOutput.number(first, "accuracy", stats.firstFinish().accuracy());
            first.put("problems", stats.firstFinish().problems());
            JsonOutput.number(first, "mean_tokens", stats.firstFinish().meanTokens());
        }
        if (stats.lengthBins() == null) {
            root.putNull("length_bins");
            root.putNull("difficulty");
        } else {
            bins(root.putArray("length_bins"), stats.lengthBins());
            ArrayNode buckets = root.putArray("difficulty");
            for (LengthAccuracy.Bucket bucket : stats.difficulty()) {
                ObjectNode item = buckets.addObject();
                item.put("level", bucket.level());
                JsonOutput.number(item, "pass_rate_low", bucket.low());
                JsonOutput.number(item, "pass_rate_high", bucket.high());
                item.put("problems", bucket.problems());
                bins(item.putArray("bins"), bucket.bins());
            }
        }
        overthinking(root, stats.overthinking());
        if (problems != null) {
            ArrayNode list = root.putArray("per_problem");
            problems.forEach(problem -> problem(list.addObject(), problem, problemKeys.get(problem.problemId())));
        }
        return root;
    }

    private static void options(ObjectNode node, RunStats stats) {
        StatsOptions options = stats.options();
        ArrayNode ks = node.putArray("ks");
        stats.ks().forEach(ks::add);
        node.put("draws", options.draws());
        node.put("resamples", options.resamples());
        node.put("seed", options.seed());
        node.put("length_bins", options.lengthBins());
        if (options.difficultyEdges() == null) {
            node.putNull("difficulty_edges");
        } else {
            ArrayNode edges = node.putArray("difficulty_edges");
            for (double edge : options.difficultyEdges()) {
                edges.add(edge);
            }
        }
        ArrayNode markers = node.putArray("reflection_markers");
        options.markers().phrases().forEach(markers::add);
    }

    private static void interval(ObjectNode node, Bootstrap.Interval interval) {
        JsonOutput.number(node, "value", interval.mean());
        JsonOutput.number(node, "low", interval.low());
        JsonOutput.number(node, "high", interval.high());
        node.put("problems", interval.units());
    }

    /** What each k costs per problem on the axis asked for, and what the cost rests on. */
    static void costs(ObjectNode root, String axis, ComputeService.CostCurve costs) {
        ObjectNode node = root.putObject("cost");
        node.put("axis", dev.ponder.core.compute.CostAxis.parse(axis).id()).put("rests_on", costs.restsOn());
        ArrayNode atK = node.putArray("at_k");
        for (int i = 0; i < costs.ks().size(); i++) {
            ObjectNode item = atK.addObject().put("k", costs.ks().get(i));
            JsonOutput.number(item, "cost", costs.costs().get(i));
        }
    }

    /** The budget sweep the run belongs to: its saturating fit and s1's Control, Scaling and Performance. */
    static void sweep(ObjectNode root, dev.ponder.core.compute.ComputeReport.Family sweep) {
        ObjectNode node = root.putObject("budget_sweep").put("group", sweep.name());
        if (sweep.fit() != null) {
            JsonOutput.number(node, "f_max", sweep.fit().fMax());
            JsonOutput.number(node, "p", sweep.fit().p());
            JsonOutput.number(node, "r_squared", sweep.fit().rSquared());
            JsonOutput.number(node, "saturation", sweep.fit().saturation());
            JsonOutput.number(node, "saturation_measured", sweep.fit().measured());
        }
        ObjectNode s1 = node.putObject("s1");
        JsonOutput.number(s1, "control", sweep.control().control());
        JsonOutput.number(s1, "scaling", sweep.control().scaling());
        JsonOutput.number(s1, "performance", sweep.control().performance());
        s1.put("runs", sweep.control().runs());
    }

    private static void curve(ArrayNode list, List<CurvePoint> points) {
        for (CurvePoint point : points) {
            ObjectNode item = list.addObject();
            item.put("k", point.k());
            JsonOutput.number(item, "value", point.value());
            JsonOutput.number(item, "low", point.low());
            JsonOutput.number(item, "high", point.high());
            item.put("problems", point.problems());
            JsonOutput.number(item, "tokens", point.tokens());
        }
    }

    private static void bins(ArrayNode list, List<LengthAccuracy.Bin> bins) {
        for (LengthAccuracy.Bin bin : bins) {
            ObjectNode item = list.addObject();
            item.put("min_tokens", bin.minTokens());
            item.put("max_tokens", bin.maxTokens());
            JsonOutput.number(item, "mean_tokens", bin.meanTokens());
            item.put("samples", bin.samples());
            JsonOutput.number(item, "accuracy", bin.accuracy().mean());
            JsonOutput.number(item, "low", bin.accuracy().low());
            JsonOutput.number(item, "high", bin.accuracy().high());
        }
    }

    private static void overthinking(ObjectNode root, Overthinking figures) {
        if (figures == null) {
            root.putNull("overthinking");
            return;
        }
        ObjectNode node = root.putObject("overthinking");
        node.put("samples", figures.samples());
        JsonOutput.number(node, "outcome_efficiency", figures.outcomeEfficiency());
        JsonOutput.number(node, "process_efficiency", figures.processEfficiency());
        JsonOutput.number(node, "solved_share", figures.solvedShare());
        JsonOutput.number(node, "tokens_after_first_correct", figures.tokensAfterFirstCorrect());
        JsonOutput.number(node, "mean_thoughts", figures.meanThoughts());
        JsonOutput.number(node, "mean_answers", figures.meanSolutions());
        JsonOutput.number(node, "markers_per_1k_tokens", figures.markersPerThousandTokens());
        node.put("flips_to_wrong", figures.flipsToWrong());
        node.put("flips_to_right", figures.flipsToRight());
        node.put("samples_with_flips", figures.samplesWithFlips());
    }

    private static void problem(ObjectNode node, ProblemStats problem, String key) {
        node.put("problem_id", problem.problemId());
        node.put("problem_key", key);
        node.put("samples", problem.samples());
        node.put("graded", problem.graded());
        node.put("correct", problem.correct());
        JsonOutput.number(node, "pass_rate", problem.passRate());
        JsonOutput.number(node, "mean_tokens", problem.meanTokens());
        JsonOutput.number(node, "first_finish", problem.firstFinish());
        ArrayNode atK = node.putArray("at_k");
        for (ProblemStats.AtK point : problem.atK()) {
            ObjectNode item = atK.addObject();
            item.put("k", point.k());
            JsonOutput.number(item, "pass_at_k", point.passAtK());
            JsonOutput.number(item, "maj_expected", point.majExpected());
            JsonOutput.number(item, "maj_first_k", point.majFirstK());
            JsonOutput.number(item, "weighted", point.weighted());
            JsonOutput.number(item, "naive", point.naive());
        }
        VoteDistribution votes = problem.votes();
        ObjectNode vote = node.putObject("votes");
        ArrayNode clusters = vote.putArray("clusters");
        for (VoteDistribution.Cluster cluster : votes.clusters()) {
            ObjectNode item = clusters.addObject();
            item.put("answer", cluster.answer());
            item.put("key", cluster.key());
            item.put("votes", cluster.votes());
            JsonOutput.number(item, "share", cluster.share());
            JsonOutput.number(item, "score_sum", cluster.scoreSum());
            if (cluster.correct() == null) {
                item.putNull("correct");
            } else {
                item.put("correct", cluster.correct());
            }
        }
        vote.put("no_answer", votes.noAnswer());
        JsonOutput.number(vote, "margin", votes.margin());
        JsonOutput.number(vote, "entropy_bits", votes.entropyBits());
    }

    /** JSON has no NaN: a figure that does not exist is null. */
    private static void coverageFit(ObjectNode root, dev.ponder.core.analysis.CoverageFit fit) {
        if (fit == null) {
            root.putNull("coverage_fit");
            return;
        }
        ObjectNode node = root.putObject("coverage_fit");
        node.put("law", "exp(a * k^b)");
        node.put("a", fit.a())
                .put("b", fit.b())
                .put("r_squared", fit.rSquared())
                .put("points", fit.points());
        JsonOutput.number(node, "samples_for_90_percent", fit.samplesFor(0.9));
    }
}
