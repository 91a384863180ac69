package dev.ponder.core.service;

import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.RunData;
import dev.ponder.core.compute.ComputeOptimal;
import dev.ponder.core.compute.ComputeReport;
import dev.ponder.core.compute.ComputeRequest;
import dev.ponder.core.compute.Method;
import dev.ponder.core.compute.PromptTokens;
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
        Map<Long, Integer> prompts = request.cost().promptTokens() == null ? prompts(request.runs()) : Map.of();
        return ComputeOptimal.analyse(inputs, prompts, request, input -> values(input, request));
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

    private Map<Long, Integer> prompts(List<Long> runs) {
        Map<Long, Integer> prompts = new HashMap<>();
        for (long runId : runs) {
            prompts.putAll(
                    promptTokens.of(workspace.read(tables -> tables.problems().ofRun(runId))));
        }
        return prompts;
    }

    /** The methods offered, for choosers. */
    public static List<Method> methods() {
        return List.of(Method.values());
    }
}
