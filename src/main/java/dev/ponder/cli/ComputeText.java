package dev.ponder.cli;

import dev.ponder.core.compute.ComputeFrontier;
import dev.ponder.core.compute.ComputeReport;
import dev.ponder.core.compute.CostAxis;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code ponder compute-optimal}'s text: the winners table per bin, the frontier, the laws. */
final class ComputeText {
    private ComputeText() {}

    static void print(PrintWriter out, ComputeReport report) {
        ComputeFrontier frontier = report.frontier();
        CostAxis axis = report.request().cost().axis();
        out.printf(
                Locale.ROOT,
                "%d runs, %,d problems shared by all; %s against %s%n",
                frontier.runs().size(),
                report.shared(),
                report.request().method().label(),
                axis.label());
        report.costDescription().forEach(line -> out.println("Cost: " + line));
        out.printf(
                Locale.ROOT,
                "Bins: %s from %s's pass rates; baseline %s%s%n",
                report.request().bins(),
                report.reference() == null ? "—" : report.reference(),
                report.baseline() == null ? "none" : report.baseline(),
                report.request().crossValidate() ? "; cross-validated on two halves of the problems" : "");
        report.notes().forEach(out::println);
        double dearest = frontier.dearest();
        for (ComputeFrontier.Bin bin : frontier.bins()) {
            out.printf(Locale.ROOT, "%n%s (%,d problems)%n", bin.name(), bin.problems());
            if (bin.winners().isEmpty()) {
                out.println("  no run has a figure here");
                continue;
            }
            for (ComputeFrontier.Winner winner : bin.winners()) {
                out.printf(
                        Locale.ROOT,
                        "  within %-16s %-34s %-22s runner-up %-30s CV %-7s baseline needs %s%n",
                        axis.format(winner.budget()),
                        frontier.name(winner.best()),
                        ComputeFrontier.percent(winner.best().accuracy(), winner.low(), winner.high()),
                        frontier.name(winner.runnerUp()),
                        ComputeFrontier.percent(winner.crossValidated(), Double.NaN, Double.NaN),
                        winner.matching().describe(dearest, winner.best().cost()));
            }
            StringBuilder line = new StringBuilder("  frontier:");
            for (ComputeFrontier.Point point : bin.frontier()) {
                line.append(String.format(
                        Locale.ROOT,
                        " %s (%s, %s) →",
                        frontier.name(point),
                        axis.format(point.cost()),
                        ComputeFrontier.percent(point.accuracy(), Double.NaN, Double.NaN)));
            }
            out.println(line.substring(0, line.length() - (bin.frontier().isEmpty() ? 0 : 2)));
        }
        if (!report.coverage().isEmpty()) {
            out.printf("%nCoverage laws (Large Language Monkeys)%n");
            report.coverage().forEach(law -> out.println("  " + law.describe()));
        }
        if (!report.families().isEmpty()) {
            out.printf("%nSaturation (F(x) = F_max·(1 − (1 − p)^x))%n");
            report.families().forEach(family -> family.describe().forEach(l -> out.println("  " + l)));
        }
    }
}
