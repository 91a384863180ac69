package dev.ponder.core.chart;

import dev.ponder.core.analysis.MultiRound;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.RunData;
import dev.ponder.core.analysis.SampleEfficiency;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.compute.ComputeOptimal;
import dev.ponder.core.compute.ComputeReport;
import dev.ponder.core.compute.ComputeRequest;
import dev.ponder.core.compute.CostModel;
import dev.ponder.core.compute.CostSettings;
import dev.ponder.core.compute.PromptTokens;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What charts are drawn from: a workspace's runs, their compact columns and trace facts (through
 * {@link RunData}'s cache), kept in memory once read so that changing a chart's options does not read them again.
 * One instance per workspace state: after an import or regrade, make a new one.
 */
public final class ChartInputs {
    private final Workspace workspace;
    private final Map<String, Object> memo = new ConcurrentHashMap<>();
    private final PromptTokens promptTokens = new PromptTokens();

    public ChartInputs(Workspace workspace) {
        this.workspace = workspace;
    }

    public Workspace workspace() {
        return workspace;
    }

    public Run run(long runId) {
        return memo(
                Run.class,
                "run#" + runId,
                () -> workspace
                        .read(tables -> tables.runs().find(runId))
                        .orElseThrow(() ->
                                new IllegalArgumentException("there is no run " + runId + " in " + workspace.file())));
    }

    /** The run's columns under {@code grader} (a grading's label), or its stored verdicts when {@code null}. */
    public RunColumns columns(long runId, String grader) {
        return memo(
                RunColumns.class,
                "columns#" + runId + "#" + grader,
                () -> RunData.columns(workspace, runId, grading(grader)));
    }

    @SuppressWarnings("unchecked")
    public List<SampleEfficiency> efficiency(
            long runId, String grader, ReflectionMarkers markers, TaskContext context) {
        return memo(
                List.class,
                "efficiency#" + runId + "#" + grader + "#" + markers.fingerprint(),
                () -> RunData.efficiency(workspace, runId, markers, grading(grader), context));
    }

    public MultiRound rounds(long runId, String grader, int resamples, long seed) {
        return memo(
                MultiRound.class,
                "rounds#" + runId + "#" + grader + "#" + resamples + "#" + seed,
                () -> MultiRound.of(workspace, runId, grading(grader), resamples, seed));
    }

    /** The run's scaling curves as the spec asks for them, worked out once per choice of what decides them. */
    public <T> T curves(
            long runId, ChartSpec spec, String which, java.util.function.Supplier<T> compute, Class<T> type) {
        return memo(
                type,
                "curves#" + which + "#" + runId + "#" + spec.grader() + "#" + spec.kMax() + "#" + spec.draws() + "#"
                        + spec.seed() + "#" + spec.resamples(),
                compute);
    }

    /**
     * What the run's problems cost at k samples on the cost axis, averaged over the problems with k samples: k times a
     * problem's mean sample cost (Kinetics eFLOPs: its samples' costs at k averaged).
     *
     * @throws IllegalArgumentException with a sentence when the axis needs a model shape the run lacks
     */
    public double costAt(long runId, CostSettings settings, int k) {
        return costModel(runId, settings).meanCost(columns(runId, null), prompts(runId), k);
    }

    /** What the run's cost rests on (the formula, the model's numbers or the prices), for a chart's notes. */
    public String costRestsOn(long runId, CostSettings settings) {
        return run(runId).name() + ": "
                + settings.describe(costModel(runId, settings).shape());
    }

    private CostModel costModel(long runId, CostSettings settings) {
        return CostModel.forRun(settings, run(runId));
    }

    /** The run's problems' prompt tokens by problem id, counted once. */
    @SuppressWarnings("unchecked")
    private Map<Long, Integer> prompts(long runId) {
        return memo(
                Map.class,
                "prompts#" + runId,
                () -> promptTokens.of(workspace.read(tables -> tables.problems().ofRun(runId))));
    }

    /** The compute-optimal analysis of the request's runs, worked out once per request. */
    public ComputeReport compute(ComputeRequest request) {
        return memo(ComputeReport.class, "compute#" + request, () -> {
            List<ComputeOptimal.RunInput> runs = request.runs().stream()
                    .map(runId -> new ComputeOptimal.RunInput(run(runId), columns(runId, null)))
                    .toList();
            Map<Long, Integer> prompts = new java.util.HashMap<>();
            for (long runId : request.runs()) {
                prompts.putAll(prompts(runId));
            }
            return ComputeOptimal.analyse(
                    runs,
                    prompts,
                    request,
                    input -> memo(
                            double[][].class,
                            "values#" + input.run().id() + "#" + request.method() + "#" + request.draws() + "#"
                                    + request.seed(),
                            () -> ComputeOptimal.values(
                                    input.columns(), request.method(), request.draws(), request.seed())),
                    input -> null); // the frontier chart draws no coverage law
        });
    }

    /** The keys of the run's problems, by problem id. */
    @SuppressWarnings("unchecked")
    public Map<Long, String> problemKeys(long runId) {
        return memo(Map.class, "keys#" + runId, () -> {
            Map<Long, String> keys = new java.util.HashMap<>();
            workspace
                    .read(tables -> tables.problems().ofRun(runId))
                    .forEach(problem -> keys.put(problem.id(), problem.key()));
            return keys;
        });
    }

    public Optional<Problem> problem(String key) {
        return workspace.read(tables -> tables.problems().findByKey(key));
    }

    /** The problems the samples belong to, sorted. */
    public long[] problemsOfSamples(long[] sampleIds) {
        return workspace.read(tables -> tables.samples().problemsOf(sampleIds));
    }

    /** A grading's label as {@link Grading#parse} reads it, or {@code null} for the stored verdicts. */
    public static Grading grading(String grader) {
        return grader == null || grader.isBlank() ? null : Grading.parse(grader);
    }

    private <T> T memo(Class<T> type, String key, java.util.function.Supplier<T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            memo.put(key, value);
        }
        return type.cast(value);
    }
}
