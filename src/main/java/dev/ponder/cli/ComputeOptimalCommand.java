package dev.ponder.cli;

import dev.ponder.core.analysis.Bootstrap;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.compute.ComputeReport;
import dev.ponder.core.compute.ComputeRequest;
import dev.ponder.core.compute.CostAxis;
import dev.ponder.core.compute.CostSettings;
import dev.ponder.core.compute.CoverageLaw;
import dev.ponder.core.compute.Method;
import dev.ponder.core.compute.ModelShape;
import dev.ponder.core.compute.SaturationFit;
import dev.ponder.core.service.Choices;
import dev.ponder.core.service.WorkspaceServices;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ponder compute-optimal RUN…}: given a compute budget, which run (strategy, budget, model) and k, per bin. */
@Command(
        name = "compute-optimal",
        mixinStandardHelpOptions = true,
        description = {
            "Which strategy, budget and model to use for a compute budget, per problem difficulty: every run's curve",
            "of accuracy against cost on the problems all of them share, the frontier, the winner and runner-up at",
            "each budget with a bootstrap interval and a two-fold cross-validated accuracy, the compute the baseline",
            "needs to match it, each run's coverage law and the saturation of budget sweeps and sampled runs with",
            "s1's Control, Scaling and Performance. Formulas and sources: docs/methods.md."
        })
final class ComputeOptimalCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "The runs compared, by id or exact name.")
    private List<String> runs;

    @Option(
            names = "--method",
            paramLabel = "M",
            defaultValue = "majority",
            description = "How k samples become an answer: majority (maj@k), pass (pass@k, coverage), weighted or "
                    + "naive best-of-N (reward scores). Default: ${DEFAULT-VALUE}.")
    private String method;

    @Option(
            names = "--cost",
            paramLabel = "AXIS",
            defaultValue = "tokens",
            description = "What cost counts: tokens, thinking-tokens, answer-tokens, samples, flops, eflops (Kinetics) "
                    + "or usd. Default: ${DEFAULT-VALUE}.")
    private String cost;

    @Option(
            names = "--model",
            paramLabel = "SHAPE",
            description = "The model's shape for flops and eflops: a built-in model (Qwen2.5-7B, Llama-3.1-8B, ...), "
                    + "its config.json or its .gguf; default: each run's model looked up in the built-in table.")
    private String model;

    @Option(
            names = "--intensity",
            paramLabel = "I",
            description = "Arithmetic intensity for eflops, FLOP per byte (default 562.5, B200; about 295 for H100).")
    private double intensity = CostSettings.B200_INTENSITY;

    @Option(names = "--price-in", paramLabel = "USD", description = "US dollars per million prompt tokens.")
    private double priceIn;

    @Option(names = "--price-out", paramLabel = "USD", description = "US dollars per million generated tokens.")
    private double priceOut;

    @Option(
            names = "--prompt-tokens",
            paramLabel = "N",
            description = "Tokens of every prompt; default: each question counted (cl100k estimate).")
    private Integer promptTokens;

    @Option(
            names = "--bins",
            paramLabel = "B",
            defaultValue = "quantile5",
            description = "Difficulty bins: quantile5 (Snell), liu (easy/medium/hard) or pass-rate edges such as "
                    + "0.1,0.5. Default: ${DEFAULT-VALUE}.")
    private String bins;

    @Option(
            names = "--reference",
            paramLabel = "RUN",
            description = "The run whose pass rates bin the problems (default: the run with the most samples).")
    private String reference;

    @Option(
            names = "--baseline",
            paramLabel = "RUN",
            description = "The run whose compute to match the winners is read off (default: the most samples per "
                    + "problem).")
    private String baseline;

    @Option(names = "--no-cross-validation", description = "Skip Snell's two-fold cross-validation.")
    private boolean noCrossValidation;

    @Option(
            names = "--control-range",
            paramLabel = "MIN:MAX",
            description =
                    "s1's range of thinking tokens for every run of a sweep (default: each run's 0 to its budget).")
    private String controlRange;

    @Option(
            names = "--epsilon",
            paramLabel = "E",
            description = "The gain in accuracy per doubling called saturated (default 0.001, 0.1 percentage points).")
    private double epsilon = SaturationFit.DEFAULT_EPSILON;

    @Option(
            names = "--target-coverage",
            paramLabel = "C",
            description = "The coverage whose samples the coverage law extrapolates (default 0.9).")
    private double targetCoverage = CoverageLaw.DEFAULT_TARGET;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default 1000).")
    private int resamples = Bootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice.")
    private long seed = StatsOptions.DEFAULT.seed();

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (WorkspaceServices workspace = workspaceOption.open()) {
            List<Long> ids = new ArrayList<>();
            for (String run : runs) {
                ids.add(workspace.runs().selectRun(run).id());
            }
            ComputeRequest request = request(
                    ids,
                    reference == null
                            ? null
                            : workspace.runs().selectRun(reference).id(),
                    baseline == null
                            ? null
                            : workspace.runs().selectRun(baseline).id());
            ComputeReport report = workspace.compute().analyse(request);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, ComputeDocument.of(report));
            } else {
                ComputeText.print(out, report);
            }
            out.flush();
        }
        return 0;
    }

    private ComputeRequest request(List<Long> ids, Long referenceId, Long baselineId) {
        try {
            ModelShape shape = model == null ? null : Choices.modelShape(model);
            CostSettings settings =
                    new CostSettings(CostAxis.parse(cost), shape, intensity, priceIn, priceOut, promptTokens);
            return new ComputeRequest(
                    ids,
                    Method.parse(method),
                    settings,
                    bins,
                    referenceId,
                    baselineId,
                    !noCrossValidation,
                    range(),
                    epsilon,
                    targetCoverage,
                    resamples,
                    seed,
                    StatsOptions.DEFAULT.draws());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private List<Double> range() {
        if (controlRange == null) {
            return null;
        }
        String[] parts = controlRange.split(":");
        try {
            if (parts.length == 2) {
                return List.of(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--control-range is MIN:MAX in thinking tokens, such as 0:4096");
    }
}
