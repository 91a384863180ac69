package dev.ponder.core.analysis;

import dev.ponder.core.trace.ReflectionMarkers;
import java.util.ArrayList;
import java.util.List;

/**
 * How run figures are computed; every choice is reported with the figures.
 *
 * @param ks          the k of the scaling curves, or {@code null} for 1, 2, 4, ... up to the most samples a
 *                    problem has (and that number itself)
 * @param draws       Monte-Carlo draws per problem for maj@k where the subsets are too many to enumerate
 * @param resamples   bootstrap resamples for the 95% intervals
 * @param seed        the seed of every random choice
 * @param lengthBins  equal-count length bins
 * @param difficultyEdges pass-rate edges between difficulty buckets, or {@code null} for quintiles
 * @param markers     the reflection markers the overthinking figures count and split thoughts at
 */
public record StatsOptions(
        List<Integer> ks,
        int draws,
        int resamples,
        long seed,
        int lengthBins,
        double[] difficultyEdges,
        ReflectionMarkers markers) {
    public static final StatsOptions DEFAULT =
            new StatsOptions(null, 200, Bootstrap.DEFAULT_RESAMPLES, 20_260_101L, 10, null, ReflectionMarkers.DEFAULT);

    public StatsOptions {
        if (draws < 1 || resamples < 0 || lengthBins < 1) {
            throw new IllegalArgumentException("draws and length bins must be positive, resamples not negative");
        }
        ks = ks == null ? null : List.copyOf(ks);
        difficultyEdges = difficultyEdges == null ? null : difficultyEdges.clone();
        markers = markers == null ? ReflectionMarkers.DEFAULT : markers;
        if (difficultyEdges != null) {
            for (int i = 0; i < difficultyEdges.length; i++) {
                if (difficultyEdges[i] < 0
                        || difficultyEdges[i] > 1
                        || i > 0 && difficultyEdges[i] <= difficultyEdges[i - 1]) {
                    throw new IllegalArgumentException(
                            "difficulty edges must be increasing pass rates between 0 and 1");
                }
            }
        }
    }

    /** Everything of these options that decides the run-level figures but overthinking (all but the markers). */
    public String figuresKey() {
        return ks + "/" + draws + "/" + resamples + "/" + seed + "/" + lengthBins + "/"
                + (difficultyEdges == null ? "quintiles" : java.util.Arrays.toString(difficultyEdges));
    }

    public StatsOptions withKs(List<Integer> newKs) {
        return new StatsOptions(newKs, draws, resamples, seed, lengthBins, difficultyEdges, markers);
    }

    /** Without bootstrap intervals: for quick headline figures. */
    public StatsOptions withoutIntervals() {
        return new StatsOptions(ks, draws, 0, seed, lengthBins, difficultyEdges, markers);
    }

    public StatsOptions withMarkers(ReflectionMarkers newMarkers) {
        return new StatsOptions(ks, draws, resamples, seed, lengthBins, difficultyEdges, newMarkers);
    }

    /** The ks to use for this run. */
    public List<Integer> ksFor(RunColumns run) {
        int most = run.largestProblem();
        if (ks != null) {
            return ks.stream().filter(k -> k >= 1).distinct().sorted().toList();
        }
        List<Integer> chosen = new ArrayList<>();
        for (int k = 1; k <= most; k *= 2) {
            chosen.add(k);
        }
        if (most > 0 && !chosen.contains(most)) {
            chosen.add(most);
        }
        return chosen;
    }
}
