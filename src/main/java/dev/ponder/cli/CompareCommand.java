package dev.ponder.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.analysis.Bootstrap;
import dev.ponder.core.analysis.PairedAtK;
import dev.ponder.core.analysis.RunComparison;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder compare A B}: is run B really better than run A on the problems they share, and where did it change. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare run B with run A on the problems they share, paired problem by problem: which each solves,",
            "McNemar's exact test on those only one solves, the paired difference of pass rates with its standard",
            "error, a bootstrap interval over problems and, where problems carry a subject, the clustered error.",
            "The formulas and their sources are in docs/methods.md."
        })
final class CompareCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "A", description = "The first run's id or exact name.")
    private String runA;

    @Parameters(index = "1", paramLabel = "B", description = "The second run's id or exact name.")
    private String runB;

    @Option(
            names = "--by",
            paramLabel = "S",
            defaultValue = "majority",
            description = "What solving a problem means: majority (its majority answer is right), first (its first "
                    + "sample is), rate (at least half its samples are). Default: ${DEFAULT-VALUE}.")
    private String by;

    @Option(
            names = "--k",
            paramLabel = "K",
            description = "Also the paired differences of pass@K and maj@K (each problem's first K samples).")
    private Integer k;

    @Option(names = "--problems", description = "Also list every shared problem: each run's pass rate and majority.")
    private boolean perProblem;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default 1000).")
    private int resamples = Bootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the bootstrap.")
    private long seed = StatsOptions.DEFAULT.seed();

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        RunComparison.Solved solved;
        try {
            solved = RunComparison.Solved.valueOf(by.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--by is majority, first or rate, not '" + by + "'");
        }
        try (WorkspaceServices workspace = workspaceOption.open()) {
            RunSummary a = workspace.runs().select(runA);
            RunSummary b = workspace.runs().select(runB);
            RunComparison c = workspace.analysis().compare(a.run().id(), b.run().id(), solved, resamples, seed);
            PairedAtK atK = k == null
                    ? null
                    : workspace.analysis().compareAtK(a.run().id(), b.run().id(), k, resamples, seed);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode document = document(a, b, c, workspace);
                if (atK != null) {
                    ObjectNode at = document.putObject("at_k");
                    at.put("k", atK.k()).put("problems", atK.problems());
                    difference(at.putObject("pass_at_k"), atK.passAtK());
                    difference(at.putObject("maj_at_k"), atK.majAtK());
                    var levels = at.putArray("levels");
                    for (PairedAtK.Level level : atK.levels()) {
                        ObjectNode row =
                                levels.addObject().put("level", level.level()).put("problems", level.problems());
                        difference(row.putObject("pass_at_k"), level.passAtK());
                        difference(row.putObject("maj_at_k"), level.majAtK());
                    }
                }
                JsonOutput.print(out, document);
            } else {
                text(out, a, b, c, workspace);
                if (atK != null) {
                    out.printf(
                            Locale.ROOT,
                            "%nAt k = %d (%,d shared problems with k graded samples in both)%n",
                            atK.k(),
                            atK.problems());
                    line(out, "pass@k B − A", atK.passAtK());
                    line(out, "maj@k B − A", atK.majAtK());
                    for (PairedAtK.Level level : atK.levels()) {
                        out.printf(Locale.ROOT, "  level %d (%,d problems)%n", level.level(), level.problems());
                        line(out, "  pass@k B − A", level.passAtK());
                        line(out, "  maj@k B − A", level.majAtK());
                    }
                }
            }
            out.flush();
        }
        return 0;
    }

    private void text(PrintWriter out, RunSummary a, RunSummary b, RunComparison c, WorkspaceServices workspace) {
        out.printf(
                Locale.ROOT,
                "A  run %d \"%s\"%nB  run %d \"%s\"%n",
                a.run().id(),
                a.run().name(),
                b.run().id(),
                b.run().name());
        out.printf(
                Locale.ROOT,
                "%,d shared problems (%,d only in A, %,d only in B)%n%n",
                c.shared(),
                c.onlyA(),
                c.onlyB());
        if (c.shared() == 0) {
            out.println(
                    "The runs share no graded problem, so there is nothing to pair: compare runs of the same problems.");
            return;
        }
        out.printf(
                Locale.ROOT,
                "Solved            both %,d · A only %,d · B only %,d · neither %,d (by %s)%n",
                c.both(),
                c.aOnly(),
                c.bOnly(),
                c.neither(),
                by.toLowerCase(Locale.ROOT));
        out.printf(
                Locale.ROOT,
                "McNemar exact     p = %s (two-sided binomial, n = %,d discordant)%n",
                p(c.exactP()),
                c.aOnly() + c.bOnly());
        if (c.aOnly() + c.bOnly() >= 25) {
            out.printf(
                    Locale.ROOT,
                    "McNemar χ²        %.3f, p = %s (continuity-corrected, large-sample)%n",
                    c.chiSquared(),
                    p(c.chiSquaredP()));
        }
        out.printf(
                Locale.ROOT,
                "Pass rate B − A   %s  SE %s  95%% bootstrap [%s, %s]%n",
                figure("%+.4f", c.difference()),
                figure("%.4f", c.standardError()),
                figure("%+.4f", c.interval().low()),
                figure("%+.4f", c.interval().high()));
        if (!Double.isNaN(c.clusteredError())) {
            out.printf(
                    Locale.ROOT,
                    "                  clustered SE %.4f over %d groups (subject)%n",
                    c.clusteredError(),
                    c.groups());
        }
        out.printf(
                "%n%-26s %6s %6s %6s %6s %6s %9s %7s%n",
                "BY DIFFICULTY (A)", "SHARED", "BOTH", "A ONLY", "B ONLY", "NEITHER", "B − A", "SE");
        for (RunComparison.Level level : c.levels()) {
            out.printf(
                    Locale.ROOT,
                    "%-26s %6d %6d %6d %6d %6d %9s %7s%n",
                    "level " + level.level() + (level.level() == 1 ? " (easiest)" : ""),
                    level.problems(),
                    level.both(),
                    level.aOnly(),
                    level.bOnly(),
                    level.neither(),
                    figure("%+.4f", level.difference()),
                    figure("%.4f", level.standardError()));
        }
        if (perProblem) {
            Map<Long, String> keys = keys(workspace, a);
            out.printf(
                    "%n%-28s %7s %7s %8s  %-16s %-16s %s%n",
                    "PROBLEM", "A", "B", "B − A", "MAJORITY A", "MAJORITY B", "SOLVED");
            for (RunComparison.PairedProblem row : c.problems()) {
                out.printf(
                        Locale.ROOT,
                        "%-28s %6.1f%% %6.1f%% %+8.3f  %-16s %-16s %s%n",
                        InfoCommand.clip(keys.getOrDefault(row.problemId(), String.valueOf(row.problemId())), 28),
                        100 * row.rateA(),
                        100 * row.rateB(),
                        row.rateB() - row.rateA(),
                        majority(row.majorityA(), row.majorityARight()),
                        majority(row.majorityB(), row.majorityBRight()),
                        row.flip().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
        out.printf(
                Locale.ROOT,
                "%nIntervals: 95%% percentile bootstrap over problems, %,d resamples, seed %d%n",
                c.interval().resamples(),
                c.interval().seed());
    }

    private ObjectNode document(RunSummary a, RunSummary b, RunComparison c, WorkspaceServices workspace) {
        ObjectNode document = JsonOutput.object();
        document.putObject("a").put("id", a.run().id()).put("name", a.run().name());
        document.putObject("b").put("id", b.run().id()).put("name", b.run().name());
        document.put("shared", c.shared()).put("only_a", c.onlyA()).put("only_b", c.onlyB());
        document.put("solved_by", by.toLowerCase(Locale.ROOT));
        document.putObject("flips")
                .put("both", c.both())
                .put("a_only", c.aOnly())
                .put("b_only", c.bOnly())
                .put("neither", c.neither());
        ObjectNode mcnemar = document.putObject("mcnemar");
        mcnemar.put("exact_p", c.exactP());
        JsonOutput.number(mcnemar, "chi_squared", c.chiSquared());
        JsonOutput.number(mcnemar, "chi_squared_p", c.chiSquaredP());
        ObjectNode difference = document.putObject("difference");
        JsonOutput.number(difference, "value", c.difference());
        JsonOutput.number(difference, "standard_error", c.standardError());
        JsonOutput.number(difference, "low", c.interval().low());
        JsonOutput.number(difference, "high", c.interval().high());
        JsonOutput.number(difference, "clustered_standard_error", c.clusteredError());
        difference.put("groups", c.groups());
        difference
                .put("resamples", c.interval().resamples())
                .put("seed", c.interval().seed());
        ArrayNode levels = document.putArray("levels");
        for (RunComparison.Level level : c.levels()) {
            ObjectNode row = levels.addObject()
                    .put("level", level.level())
                    .put("shared", level.problems())
                    .put("both", level.both())
                    .put("a_only", level.aOnly())
                    .put("b_only", level.bOnly())
                    .put("neither", level.neither());
            JsonOutput.number(row, "difference", level.difference());
            JsonOutput.number(row, "standard_error", level.standardError());
        }
        if (perProblem) {
            Map<Long, String> keys = keys(workspace, a);
            ArrayNode rows = document.putArray("problems");
            for (RunComparison.PairedProblem row : c.problems()) {
                ObjectNode line = rows.addObject()
                        .put("problem", keys.getOrDefault(row.problemId(), String.valueOf(row.problemId())));
                JsonOutput.number(line, "rate_a", row.rateA());
                JsonOutput.number(line, "rate_b", row.rateB());
                line.put("majority_a", row.majorityA()).put("majority_b", row.majorityB());
                if (row.majorityARight() != null) {
                    line.put("majority_a_right", row.majorityARight());
                }
                if (row.majorityBRight() != null) {
                    line.put("majority_b_right", row.majorityBRight());
                }
                line.put("solved", row.flip().name().toLowerCase(Locale.ROOT));
                line.put("level", row.level());
            }
        }
        return document;
    }

    private static Map<Long, String> keys(WorkspaceServices workspace, RunSummary run) {
        Map<Long, String> keys = new java.util.HashMap<>();
        workspace.runs().problems(run.run().id()).forEach(problem -> keys.put(problem.id(), problem.key()));
        return keys;
    }

    private static String majority(String answer, Boolean right) {
        return InfoCommand.clip(answer == null ? "—" : answer, 13) + (right == null ? "" : right ? " ✓" : " ✗");
    }

    private static String p(double value) {
        return value < 0.0001 ? String.format(Locale.ROOT, "%.2e", value) : String.format(Locale.ROOT, "%.4f", value);
    }

    private static void line(PrintWriter out, String label, PairedAtK.Difference d) {
        out.printf(
                Locale.ROOT,
                "%-18s%s  SE %s  95%% bootstrap [%s, %s]%n",
                label,
                figure("%+.4f", d.value()),
                figure("%.4f", d.standardError()),
                figure("%+.4f", d.interval().low()),
                figure("%+.4f", d.interval().high()));
    }

    /** A figure as {@code format} writes it, or "—" where it does not exist (one problem has no spread). */
    private static String figure(String format, double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, format, value);
    }

    private static void difference(ObjectNode node, PairedAtK.Difference d) {
        JsonOutput.number(node, "value", d.value());
        JsonOutput.number(node, "standard_error", d.standardError());
        JsonOutput.number(node, "low", d.interval().low());
        JsonOutput.number(node, "high", d.interval().high());
    }
}
