package dev.ponder.core.compute;

import dev.ponder.core.analysis.Bootstrap;
import dev.ponder.core.analysis.StatsOptions;
import java.util.List;

/**
 * What a compute-optimal analysis is asked: which runs, how accuracy and cost are counted, how problems are binned.
 *
 * @param runs           the runs compared, by workspace id
 * @param method         how k samples become an answer
 * @param cost           how cost is counted
 * @param bins           {@code quantile5}, {@code liu} or pass-rate edges ("0.1,0.5")
 * @param reference      the run whose pass rates bin the problems, or {@code null} for the run with most samples
 * @param baseline       the run whose compute to match the winners is read off, or {@code null} for the run with the
 *                       most samples per problem
 * @param crossValidate  whether to choose on one half of the problems and score on the other
 * @param controlRange   s1's [a_min, a_max] of thinking tokens for every run of a sweep, or {@code null} for each
 *                       run's own [0, budget]
 * @param epsilon        the gain per doubling called saturated
 * @param targetCoverage the coverage whose samples the coverage law extrapolates
 * @param resamples      bootstrap resamples
 * @param seed           the seed of every random choice
 * @param draws          Monte-Carlo draws of maj@k
 */
public record ComputeRequest(
        List<Long> runs,
        Method method,
        CostSettings cost,
        String bins,
        Long reference,
        Long baseline,
        boolean crossValidate,
        List<Double> controlRange,
        double epsilon,
        double targetCoverage,
        int resamples,
        long seed,
        int draws) {

    public ComputeRequest {
        runs = List.copyOf(runs);
        method = method == null ? Method.MAJORITY : method;
        cost = cost == null ? CostSettings.DEFAULT : cost;
        bins = bins == null || bins.isBlank() ? DifficultyBins.QUANTILE5 : bins.strip();
        DifficultyBins.check(bins);
        controlRange = controlRange == null ? null : List.copyOf(controlRange);
        if (controlRange != null && (controlRange.size() != 2 || controlRange.get(0) > controlRange.get(1))) {
            throw new IllegalArgumentException("the control range is two numbers, the least first");
        }
        if (!(epsilon > 0) || !(targetCoverage > 0 && targetCoverage < 1) || resamples < 0 || draws < 1) {
            throw new IllegalArgumentException(
                    "ε must be positive, the target coverage between 0 and 1, resamples not negative, draws positive");
        }
    }

    /** The defaults for these runs: maj@k against generated tokens, Snell's bins, cross-validated. */
    public static ComputeRequest of(List<Long> runs) {
        return new ComputeRequest(
                runs,
                Method.MAJORITY,
                CostSettings.DEFAULT,
                DifficultyBins.QUANTILE5,
                null,
                null,
                true,
                null,
                SaturationFit.DEFAULT_EPSILON,
                CoverageLaw.DEFAULT_TARGET,
                Bootstrap.DEFAULT_RESAMPLES,
                StatsOptions.DEFAULT.seed(),
                StatsOptions.DEFAULT.draws());
    }

    public ComputeRequest withRuns(List<Long> newRuns) {
        return new ComputeRequest(
                newRuns,
                method,
                cost,
                bins,
                reference,
                baseline,
                crossValidate,
                controlRange,
                epsilon,
                targetCoverage,
                resamples,
                seed,
                draws);
    }

    public ComputeRequest withCost(CostSettings newCost) {
        return new ComputeRequest(
                runs,
                method,
                newCost,
                bins,
                reference,
                baseline,
                crossValidate,
                controlRange,
                epsilon,
                targetCoverage,
                resamples,
                seed,
                draws);
    }

    public ComputeRequest withBins(String newBins) {
        return new ComputeRequest(
                runs,
                method,
                cost,
                newBins,
                reference,
                baseline,
                crossValidate,
                controlRange,
                epsilon,
                targetCoverage,
                resamples,
                seed,
                draws);
    }
}
