package dev.ponder.cli;

import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.compute.CostAxis;
import dev.ponder.core.compute.CostSettings;
import dev.ponder.core.model.Run;
import dev.ponder.core.service.AnalysisService;
import dev.ponder.core.service.Choices;
import dev.ponder.core.service.ComputeService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.trace.ReflectionMarkers;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder stats RUN}: every run-level figure, and with {@code --problems} every problem's. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Print a run's figures: accuracy, pass@k, maj@k, best-of-N, First Finish, length vs accuracy, "
                    + "difficulty and overthinking, with seeded bootstrap 95%% intervals. --json gives a document for scripts "
                    + "(its fields are described in docs/methods.md)."
        })
final class StatsCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id or exact name (see ponder info).")
    private String run;

    @Option(names = "--json", description = "Print JSON instead of tables.")
    private boolean json;

    @Option(names = "--problems", description = "Also print each problem's figures and vote distribution.")
    private boolean problems;

    @Option(
            names = "--k",
            split = ",",
            paramLabel = "K",
            description = "The k of the curves (default: 1, 2, 4, ... and" + " the most samples a problem has).")
    private List<Integer> ks;

    @Option(
            names = "--draws",
            defaultValue = "200",
            paramLabel = "N",
            description =
                    "Monte-Carlo draws per problem for maj@k where subsets are too many to enumerate (default: ${DEFAULT-VALUE}).")
    private int draws;

    @Option(
            names = "--resamples",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Bootstrap resamples for the intervals; 0 for none (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Option(
            names = "--seed",
            defaultValue = "20260101",
            paramLabel = "S",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--bins",
            defaultValue = "10",
            paramLabel = "N",
            description = "Equal-count length bins (default: ${DEFAULT-VALUE}).")
    private int bins;

    @Option(
            names = "--difficulty-edges",
            split = ",",
            paramLabel = "P",
            description = "Pass-rate edges between difficulty buckets, e.g. 0.2,0.5,0.8 (default: quintiles).")
    private double[] difficultyEdges;

    @Option(
            names = "--markers",
            split = ",",
            paramLabel = "PHRASE",
            description = "Reflection markers for the overthinking figures (default: those in Ponder's settings).")
    private List<String> markers;

    @Option(
            names = "--grader",
            paramLabel = "G",
            description = "Work the figures out with this grader instead of the run's, without regrading it: "
                    + "ponder-math, hendrycks-math-strict, qwen-math, numeric, exact, multiple-choice, 'file labels' "
                    + "or 'file labels, else G'.")
    private String grader;

    @Option(
            names = "--no-overthinking",
            description = "Skip the overthinking figures (their first computation reads " + "every trace once).")
    private boolean noOverthinking;

    @Option(
            names = "--cost",
            paramLabel = "AXIS",
            description = "Also what each k costs per problem: tokens, thinking-tokens, answer-tokens, samples, flops, "
                    + "eflops (Kinetics) or usd (JSON: cost).")
    private String cost;

    @Option(
            names = "--model",
            paramLabel = "SHAPE",
            description = "The model's shape for flops and eflops: a built-in model, its config.json or .gguf "
                    + "(default: the run's model in the built-in table).")
    private String model;

    @Option(names = "--price-in", paramLabel = "USD", description = "US dollars per million prompt tokens (usd).")
    private double priceIn;

    @Option(names = "--price-out", paramLabel = "USD", description = "US dollars per million generated tokens (usd).")
    private double priceOut;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        StatsOptions options = options();
        try (WorkspaceServices workspace = workspaceOption.open()) {
            Run chosen = workspace.runs().selectRun(run);
            AnalysisService.Report report = workspace
                    .analysis()
                    .report(
                            chosen.id(),
                            options,
                            grading(),
                            noOverthinking,
                            problems,
                            ConsoleProgress.on(spec.commandLine().getErr(), json));
            if (json) {
                com.fasterxml.jackson.databind.node.ObjectNode document = StatsDocument.of(chosen, report);
                ComputeService.CostCurve costs =
                        costs(workspace, chosen, report.stats().ks());
                if (costs != null) {
                    StatsDocument.costs(document, cost, costs);
                }
                workspace
                        .compute()
                        .sweepOf(chosen.id(), dev.ponder.core.compute.SaturationFit.DEFAULT_EPSILON)
                        .ifPresent(sweep -> StatsDocument.sweep(document, sweep));
                JsonOutput.print(spec.commandLine().getOut(), document);
            } else {
                new StatsReport(spec.commandLine().getOut()).print(chosen, report);
            }
        }
        return 0;
    }

    private ComputeService.CostCurve costs(WorkspaceServices workspace, Run chosen, java.util.List<Integer> ks) {
        if (cost == null) {
            return null;
        }
        try {
            CostSettings settings = new CostSettings(
                    CostAxis.parse(cost),
                    model == null ? null : Choices.modelShape(model),
                    CostSettings.B200_INTENSITY,
                    priceIn,
                    priceOut,
                    null);
            return workspace.compute().costs(chosen.id(), settings, ks);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Grading grading() {
        try {
            return grader == null ? null : Grading.parse(grader);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private StatsOptions options() {
        ReflectionMarkers chosen = markers != null
                ? new ReflectionMarkers(markers)
                : new SettingsStore(PonderHome.resolve().settingsFile()).load().markers();
        try {
            return new StatsOptions(ks, draws, resamples, seed, bins, difficultyEdges, chosen);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
