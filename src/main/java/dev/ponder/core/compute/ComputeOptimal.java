package dev.ponder.core.compute;

import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.RunStats;
import dev.ponder.core.analysis.Stats;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.model.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The compute-optimal analysis of runs of the same problems: their curves of accuracy against cost on the problems
 * all of them have, binned by the reference run's pass rates, the frontier with its winners, the coverage laws and
 * the saturating fits. Pure: the runs' columns and prompt lengths come in, the report goes out.
 */
public final class ComputeOptimal {
    private ComputeOptimal() {}

    /** A run with its columns. */
    public record RunInput(Run run, RunColumns columns) {}

    /**
     * The report.
     *
     * @param prompts each problem's prompt tokens by problem id (missing: 0), unless the request fixes them
     * @param values  each run's figure per problem (its own positions) at each k: {@link #values}, or a cache of it
     * @param laws    each run's coverage law ({@link #coverageLaw}, or a cache of it; {@code null} for none)
     */
    public static ComputeReport analyse(
            List<RunInput> inputs,
            Map<Long, Integer> prompts,
            ComputeRequest request,
            Function<RunInput, double[][]> values,
            Function<RunInput, CoverageLaw> laws) {
        List<String> notes = new ArrayList<>();
        List<RunInput> included = new ArrayList<>();
        List<CostModel> models = new ArrayList<>();
        Set<String> descriptions = new LinkedHashSet<>();
        for (RunInput input : inputs) {
            try {
                CostModel model = CostModel.forRun(request.cost(), input.run());
                if (request.cost().axis() != CostAxis.SAMPLES
                        && !input.columns().hasTokens()) {
                    notes.add(input.run().name() + " is left out: it has no token counts.");
                    continue;
                }
                included.add(input);
                models.add(model);
                descriptions.add(model.restsOn());
            } catch (IllegalArgumentException e) {
                String model = input.run().model();
                notes.add(input.run().name() + " is left out: "
                        + (model == null || model.isBlank()
                                ? "it names no model. "
                                : "its model '" + model + "' is not in the built-in table. ")
                        + e.getMessage());
            }
        }
        long[] shared = shared(included);
        Map<Long, Integer> position = new HashMap<>();
        for (int p = 0; p < shared.length; p++) {
            position.put(shared[p], p);
        }
        List<RunCurve> curves = new ArrayList<>();
        for (int r = 0; r < included.size(); r++) {
            curves.add(curve(included.get(r), models.get(r), values.apply(included.get(r)), shared, prompts, request));
        }
        RunInput reference = reference(included, request.reference());
        DifficultyBins bins = DifficultyBins.of(
                request.bins(), reference == null ? new RunColumns.Builder().build() : reference.columns());
        int[] binOf = new int[shared.length];
        for (int p = 0; p < shared.length; p++) {
            binOf[p] = bins.bin(shared[p]);
        }
        int baseline = baseline(included, request.baseline());
        ComputeFrontier frontier = ComputeFrontier.of(
                curves,
                binOf,
                bins.names(),
                new ComputeFrontier.Options(
                        request.resamples(), request.seed(), baseline, request.crossValidate(), request.epsilon()));
        if (shared.length == 0 && !included.isEmpty()) {
            notes.add("The runs share no problem, so there is no frontier: compare runs of the same problems.");
        }
        return new ComputeReport(
                request,
                List.copyOf(descriptions),
                reference == null ? null : reference.run().name(),
                baseline < 0 ? null : included.get(baseline).run().name(),
                shared.length,
                frontier,
                coverage(included, laws),
                families(included, values, request),
                notes);
    }

    /** A run's figure for each of its problems (its own positions) at each of its k: {@code values[i][p]}. */
    public static double[][] values(RunColumns columns, Method method, int draws, long seed) {
        List<Integer> ks = StatsOptions.DEFAULT.ksFor(columns);
        double[][] values = new double[ks.size()][columns.problems()];
        for (int i = 0; i < ks.size(); i++) {
            int k = ks.get(i);
            double[] row = values[i];
            java.util.stream.IntStream.range(0, columns.problems())
                    .parallel()
                    .forEach(p -> row[p] = method.value(columns, p, k, draws, seed));
        }
        return values;
    }

    private static int[] ks(RunColumns columns) {
        return StatsOptions.DEFAULT.ksFor(columns).stream()
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static RunCurve curve(
            RunInput input,
            CostModel model,
            double[][] own,
            long[] shared,
            Map<Long, Integer> prompts,
            ComputeRequest request) {
        RunColumns columns = input.columns();
        int[] ks = ks(columns);
        double[][] values = new double[ks.length][shared.length];
        double[][] costs = new double[ks.length][shared.length];
        Map<Long, Integer> positions = new HashMap<>();
        for (int p = 0; p < columns.problems(); p++) {
            positions.put(columns.problemId(p), p);
        }
        for (int j = 0; j < shared.length; j++) {
            int p = positions.get(shared[j]);
            int prompt = request.cost().promptTokens() != null
                    ? request.cost().promptTokens()
                    : prompts.getOrDefault(shared[j], 0);
            for (int i = 0; i < ks.length; i++) {
                values[i][j] = own[i][p];
                costs[i][j] = model.problemCost(columns, p, prompt, ks[i]);
            }
        }
        return new RunCurve(input.run().id(), input.run().name(), ks, values, costs);
    }

    /** The problem ids every run has, increasing. */
    private static long[] shared(List<RunInput> inputs) {
        if (inputs.isEmpty()) {
            return new long[0];
        }
        Set<Long> common = null;
        for (RunInput input : inputs) {
            Set<Long> ids = new TreeSet<>();
            for (int p = 0; p < input.columns().problems(); p++) {
                ids.add(input.columns().problemId(p));
            }
            if (common == null) {
                common = ids;
            } else {
                common.retainAll(ids);
            }
        }
        return common.stream().mapToLong(Long::longValue).toArray();
    }

    /** The chosen reference, else the run with the most samples. */
    private static RunInput reference(List<RunInput> inputs, Long chosen) {
        RunInput best = null;
        for (RunInput input : inputs) {
            if (chosen != null && input.run().id() == chosen) {
                return input;
            }
            if (best == null || input.columns().samples() > best.columns().samples()) {
                best = input;
            }
        }
        return best;
    }

    /** The chosen baseline's position, else the run with the most samples per problem (-1 when none has two). */
    private static int baseline(List<RunInput> inputs, Long chosen) {
        int best = -1;
        for (int r = 0; r < inputs.size(); r++) {
            RunColumns columns = inputs.get(r).columns();
            if (chosen != null && inputs.get(r).run().id() == chosen) {
                return r;
            }
            if (columns.largestProblem() > 1
                    && (best < 0
                            || columns.largestProblem()
                                    > inputs.get(best).columns().largestProblem())) {
                best = r;
            }
        }
        return chosen != null ? -1 : best;
    }

    private static List<ComputeReport.RunLaw> coverage(List<RunInput> inputs, Function<RunInput, CoverageLaw> laws) {
        List<ComputeReport.RunLaw> found = new ArrayList<>();
        for (RunInput input : inputs) {
            CoverageLaw law = laws.apply(input);
            if (law != null) {
                found.add(new ComputeReport.RunLaw(input.run().name(), law));
            }
        }
        return found;
    }

    /** The run's coverage law with its interval (pass@k of all its problems), or {@code null} where it has none. */
    public static CoverageLaw coverageLaw(RunInput input, ComputeRequest request) {
        RunColumns columns = input.columns();
        double[][] pass = values(columns, Method.PASS, request.draws(), request.seed());
        int[] all = java.util.stream.IntStream.range(0, columns.problems()).toArray();
        return CoverageLaw.of(ks(columns), pass, all, request.targetCoverage(), request.resamples(), request.seed());
    }

    private static List<ComputeReport.Family> families(
            List<RunInput> inputs, Function<RunInput, double[][]> values, ComputeRequest request) {
        List<ComputeReport.Family> families = new ArrayList<>();
        Map<String, List<RunInput>> sweeps = new LinkedHashMap<>();
        for (RunInput input : inputs) {
            if (RunBudget.budget(input.run()) != null) {
                sweeps.computeIfAbsent(RunBudget.group(input.run()), group -> new ArrayList<>())
                        .add(input);
            }
        }
        sweeps.forEach((group, runs) -> {
            if (runs.size() >= 2) {
                families.add(sweep(group, runs, request.controlRange(), request.epsilon()));
            }
        });
        for (RunInput input : inputs) {
            int[] ks = ks(input.columns());
            if (ks.length < 3) {
                continue;
            }
            double[][] own = values.apply(input);
            double[] x = new double[ks.length];
            double[] y = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                x[i] = ks[i];
                y[i] = Stats.mean(own[i]);
            }
            families.add(new ComputeReport.Family(
                    input.run().name() + " · " + request.method().label(),
                    "samples",
                    SaturationFit.of(x, y, request.epsilon()),
                    null));
        }
        return families;
    }

    /**
     * A budget sweep's saturating fit against the budgets set and s1's numbers against the thinking measured.
     *
     * @param controlRange s1's [a_min, a_max] for every run, or {@code null} for each run's [0, its budget]
     */
    public static ComputeReport.Family sweep(
            String group, List<RunInput> runs, List<Double> controlRange, double epsilon) {
        double[] x = new double[runs.size()];
        double[] y = new double[runs.size()];
        List<BudgetControl.Run> control = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunColumns columns = runs.get(i).columns();
            x[i] = RunBudget.budget(runs.get(i).run());
            y[i] = RunStats.accuracy(columns, 0, 0).mean(); // correct over graded, as the budget chart counts
            List<Double> range = controlRange != null ? controlRange : List.of(0.0, x[i]);
            control.add(new BudgetControl.Run(columns.meanTokens(), y[i], range.get(0), range.get(1)));
        }
        return new ComputeReport.Family(
                group, "thinking tokens (budget)", SaturationFit.of(x, y, epsilon), BudgetControl.of(control));
    }
}
