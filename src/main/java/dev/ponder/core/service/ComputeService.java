package dev.ponder.core.service;

import dev.ponder.core.analysis.MultiRound;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.RunData;
import dev.ponder.core.compute.ComputeOptimal;
import dev.ponder.core.compute.ComputeReport;
import dev.ponder.core.compute.ComputeRequest;
import dev.ponder.core.compute.CostModel;
import dev.ponder.core.compute.CostSettings;
import dev.ponder.core.compute.CoverageLaw;
import dev.ponder.core.compute.PromptTokens;
import dev.ponder.core.compute.RunBudget;
import dev.ponder.core.compute.SaturationFit;
import dev.ponder.core.model.Run;
import dev.ponder.core.store.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which strategy, budget and model to use for a compute budget, per difficulty: the compute-optimal analysis of
 * runs of the same problems ({@link ComputeOptimal}). The costly part, each run's figure per problem and k, is kept
 * while the run's verdicts stay the same, so a change of cost axis or bins only re-aggregates.
 */
public final class ComputeService {
    private static final int KEPT = 512;

    private final Workspace workspace;
    private final Map<String, double[][]> values = new ConcurrentHashMap<>();
    private final Map<String, java.util.Optional<CoverageLaw>> laws = new ConcurrentHashMap<>();
    private final Map<String, Map<Long, Integer>> promptsByRun = new ConcurrentHashMap<>();
    private final Map<String, java.util.Optional<ComputeReport.Family>> roundFamilies = new ConcurrentHashMap<>();
    private final PromptTokens promptTokens = new PromptTokens();

    ComputeService(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * The analysis of the request's runs.
     *
     * @throws IllegalArgumentException with a sentence for the user when a run is not in the workspace
     */
    public ComputeReport analyse(ComputeRequest request) {
        List<ComputeOptimal.RunInput> inputs = new ArrayList<>();
        for (long runId : request.runs()) {
            Run run = workspace
                    .read(tables -> tables.runs().find(runId))
                    .orElseThrow(
                            () -> new IllegalArgumentException("There is no run " + runId + " in this workspace."));
            inputs.add(new ComputeOptimal.RunInput(run, RunData.columns(workspace, runId)));
        }
        Map<Long, Integer> prompts = request.cost().promptTokens() == null ? prompts(inputs) : Map.of();
        ComputeReport report = ComputeOptimal.analyse(
                inputs, prompts, request, input -> values(input, request), input -> law(input, request));
        List<ComputeReport.Family> families = new ArrayList<>(report.families());
        for (ComputeOptimal.RunInput input : inputs) {
            rounds(input, request).ifPresent(families::add);
        }
        return new ComputeReport(
                report.request(),
                report.costDescription(),
                report.reference(),
                report.baseline(),
                report.shared(),
                report.frontier(),
                report.coverage(),
                families,
                report.notes());
    }

    /** A multi-round run's accuracy against its rounds, fitted (kept while its verdicts stay the same). */
    private java.util.Optional<ComputeReport.Family> rounds(ComputeOptimal.RunInput input, ComputeRequest request) {
        String key = input.run().id() + "/" + request.epsilon() + "/"
                + input.columns().fingerprint();
        return roundFamilies.computeIfAbsent(key, ignored -> {
            MultiRound rounds = MultiRound.of(workspace, input.run().id(), null, 0, request.seed());
            if (!rounds.isMultiRound()) {
                return java.util.Optional.empty();
            }
            double[] x = rounds.rounds().stream()
                    .mapToDouble(round -> round.round() + 1)
                    .toArray();
            double[] y = rounds.rounds().stream()
                    .mapToDouble(round -> round.accuracy().mean())
                    .toArray();
            return java.util.Optional.of(new ComputeReport.Family(
                    input.run().name() + " · rounds", "rounds", SaturationFit.of(x, y, request.epsilon()), null));
        });
    }

    private CoverageLaw law(ComputeOptimal.RunInput input, ComputeRequest request) {
        String key = input.run().id() + "/" + request.targetCoverage() + "/" + request.resamples() + "/"
                + request.seed() + "/" + input.columns().fingerprint();
        if (laws.size() > KEPT) {
            laws.clear();
        }
        // a run without a law is kept as an empty one: absent, it would be refitted every time
        return laws.computeIfAbsent(
                        key, ignored -> java.util.Optional.ofNullable(ComputeOptimal.coverageLaw(input, request)))
                .orElse(null);
    }

    private double[][] values(ComputeOptimal.RunInput input, ComputeRequest request) {
        RunColumns columns = input.columns();
        String key = input.run().id() + "/" + request.method().id() + "/" + request.draws() + "/" + request.seed() + "/"
                + columns.fingerprint();
        if (values.size() > KEPT) {
            values.clear();
        }
        return values.computeIfAbsent(
                key, ignored -> ComputeOptimal.values(columns, request.method(), request.draws(), request.seed()));
    }

    /**
     * The runs' problems' prompt tokens by problem id, kept per run while its problems stay the same (the key holds
     * the run's fingerprint, whose problem ids change when the run does, or when a new run takes a deleted one's id).
     */
    private Map<Long, Integer> prompts(List<ComputeOptimal.RunInput> runs) {
        Map<Long, Integer> prompts = new HashMap<>();
        for (ComputeOptimal.RunInput run : runs) {
            long runId = run.run().id();
            if (promptsByRun.size() > KEPT) {
                promptsByRun.clear();
            }
            prompts.putAll(promptsByRun.computeIfAbsent(
                    runId + "/" + run.columns().fingerprint(),
                    ignored -> promptTokens.of(
                            workspace.read(tables -> tables.problems().ofRun(runId)))));
        }
        return prompts;
    }

    /**
     * The budget sweep the run belongs to (its group's runs with a budget), fitted and with s1's numbers; empty when
     * the run has no budget or its sweep has no other run.
     */
    public java.util.Optional<ComputeReport.Family> sweepOf(long runId, double epsilon) {
        Run run = workspace.read(tables -> tables.runs().find(runId)).orElse(null);
        if (run == null || RunBudget.budget(run) == null) {
            return java.util.Optional.empty();
        }
        String group = RunBudget.group(run);
        List<Run> members = new ArrayList<>();
        for (Run member : workspace.read(tables -> tables.runs().all())) {
            if (RunBudget.budget(member) != null && RunBudget.group(member).equals(group)) {
                members.add(member);
            }
        }
        if (members.size() < 2) {
            return java.util.Optional.empty(); // no sweep: no column read
        }
        List<ComputeOptimal.RunInput> sweep = new ArrayList<>();
        for (Run member : members) {
            sweep.add(new ComputeOptimal.RunInput(member, RunData.columns(workspace, member.id())));
        }
        return sweep.size() < 2
                ? java.util.Optional.empty()
                : java.util.Optional.of(ComputeOptimal.sweep(group, sweep, null, epsilon));
    }

    /**
     * What the run's problems cost at each k on this axis (mean over the problems with k samples), with the numbers
     * the cost rests on.
     *
     * @throws IllegalArgumentException with a sentence when the axis needs a model shape the run lacks
     */
    public CostCurve costs(long runId, CostSettings settings, List<Integer> ks) {
        Run run = workspace
                .read(tables -> tables.runs().find(runId))
                .orElseThrow(() -> new IllegalArgumentException("There is no run " + runId + " in this workspace."));
        CostModel model = CostModel.forRun(settings, run);
        RunColumns columns = RunData.columns(workspace, runId);
        Map<Long, Integer> prompts = settings.promptTokens() == null
                ? prompts(List.of(new ComputeOptimal.RunInput(run, columns)))
                : Map.of();
        List<Double> costs = new ArrayList<>();
        for (int k : ks) {
            costs.add(model.meanCost(columns, prompts, k));
        }
        return new CostCurve(model.restsOn(), ks, costs);
    }

    /** A run's cost at each k, and what it rests on. */
    public record CostCurve(String restsOn, List<Integer> ks, List<Double> costs) {}
}
