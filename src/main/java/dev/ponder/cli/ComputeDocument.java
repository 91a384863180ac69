package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.compute.BudgetControl;
import dev.ponder.core.compute.ComputeFrontier;
import dev.ponder.core.compute.ComputeReport;
import dev.ponder.core.compute.CoverageLaw;
import dev.ponder.core.compute.SaturationFit;

/** {@code ponder compute-optimal --json}: the report as one JSON document (numbers that do not exist are null). */
final class ComputeDocument {
    private ComputeDocument() {}

    static ObjectNode of(ComputeReport report) {
        ObjectNode root = JsonOutput.object();
        ComputeFrontier frontier = report.frontier();
        root.put("method", report.request().method().id())
                .put("cost", report.request().cost().axis().id())
                .put("binning", report.request().bins())
                .put("reference", report.reference())
                .put("baseline", report.baseline())
                .put("shared_problems", report.shared())
                .put("cross_validated", report.request().crossValidate());
        report.costDescription().forEach(root.putArray("cost_rests_on")::add);
        frontier.runs().forEach(root.putArray("runs")::add);
        ArrayNode budgets = root.putArray("budgets");
        frontier.budgets().forEach(budgets::add);
        ArrayNode bins = root.putArray("bins");
        for (ComputeFrontier.Bin bin : frontier.bins()) {
            ObjectNode node = bins.addObject().put("name", bin.name()).put("problems", bin.problems());
            ArrayNode points = node.putArray("points");
            bin.points().forEach(point -> point(points.addObject(), frontier, point));
            ArrayNode front = node.putArray("frontier");
            bin.frontier().forEach(point -> point(front.addObject(), frontier, point));
            ArrayNode winners = node.putArray("winners");
            for (ComputeFrontier.Winner winner : bin.winners()) {
                ObjectNode row = winners.addObject().put("budget", winner.budget());
                point(row.putObject("best"), frontier, winner.best());
                JsonOutput.number(row, "low", winner.low());
                JsonOutput.number(row, "high", winner.high());
                if (winner.runnerUp() == null) {
                    row.putNull("runner_up");
                } else {
                    point(row.putObject("runner_up"), frontier, winner.runnerUp());
                }
                JsonOutput.number(row, "cross_validated", winner.crossValidated());
                if (winner.matching() != null) {
                    ObjectNode matching = row.putObject("baseline_to_match");
                    JsonOutput.number(matching, "cost", winner.matching().baselineCost());
                    JsonOutput.number(matching, "ratio", winner.matching().ratio());
                    JsonOutput.number(matching, "low", winner.matching().low());
                    JsonOutput.number(matching, "high", winner.matching().high());
                    matching.put("reached", Double.isFinite(winner.matching().ratio()));
                }
            }
        }
        ArrayNode coverage = root.putArray("coverage_laws");
        for (ComputeReport.RunLaw runLaw : report.coverage()) {
            CoverageLaw law = runLaw.law();
            ObjectNode node = coverage.addObject().put("run", runLaw.run());
            JsonOutput.number(node, "a", law.fit().a());
            JsonOutput.number(node, "a_low", law.aLow());
            JsonOutput.number(node, "a_high", law.aHigh());
            JsonOutput.number(node, "b", law.fit().b());
            JsonOutput.number(node, "b_low", law.bLow());
            JsonOutput.number(node, "b_high", law.bHigh());
            JsonOutput.number(node, "r_squared", law.fit().rSquared());
            node.put("target", law.target());
            JsonOutput.number(node, "k_for_target", law.k());
            JsonOutput.number(node, "k_low", law.kLow());
            JsonOutput.number(node, "k_high", law.kHigh());
        }
        ArrayNode families = root.putArray("saturation");
        for (ComputeReport.Family family : report.families()) {
            ObjectNode node = families.addObject().put("name", family.name()).put("unit", family.unit());
            SaturationFit fit = family.fit();
            if (fit == null) {
                node.putNull("fit");
            } else {
                ObjectNode fitted = node.putObject("fit");
                JsonOutput.number(fitted, "f_max", fit.fMax());
                JsonOutput.number(fitted, "p", fit.p());
                JsonOutput.number(fitted, "r_squared", fit.rSquared());
                JsonOutput.number(fitted, "saturation", fit.saturation());
                JsonOutput.number(fitted, "saturation_measured", fit.measured());
                fitted.put("epsilon", fit.epsilon());
            }
            BudgetControl control = family.control();
            if (control != null) {
                ObjectNode s1 = node.putObject("s1");
                JsonOutput.number(s1, "control", control.control());
                JsonOutput.number(s1, "scaling", control.scaling());
                JsonOutput.number(s1, "performance", control.performance());
                s1.put("runs", control.runs());
            }
        }
        report.notes().forEach(root.putArray("notes")::add);
        return root;
    }

    private static void point(ObjectNode node, ComputeFrontier frontier, ComputeFrontier.Point point) {
        node.put("run", frontier.runs().get(point.run()))
                .put("k", point.k())
                .put("cost", point.cost())
                .put("accuracy", point.accuracy())
                .put("problems", point.problems());
    }
}
