package dev.ponder.core.compute;

import dev.ponder.core.analysis.LengthAccuracy;
import dev.ponder.core.analysis.RunColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Problems binned by difficulty, each problem's pass@1 estimated from all its samples in a reference run: Snell et
 * al.'s five quantile bins (2024, §3.3; level 1 easiest), Liu et al.'s absolute bins (2025: easy 50–100%, medium
 * 10–50%, hard 0–10%), or edges the user gives. A bin's lower edge belongs to it.
 *
 * @param scheme the binning, as the command line writes it: {@code quantile5}, {@code liu} or the edges
 * @param names  each bin's name, easiest first
 * @param binOf  each problem's bin (index into names) by problem id; problems without a graded sample have none
 */
public record DifficultyBins(String scheme, List<String> names, Map<Long, Integer> binOf) {
    public static final String QUANTILE5 = "quantile5";
    public static final String LIU = "liu";
    private static final double[] LIU_EDGES = {0.1, 0.5};

    /** The problems of {@code reference} binned by {@code scheme}. */
    public static DifficultyBins of(String scheme, RunColumns reference) {
        String chosen =
                scheme == null || scheme.isBlank() ? QUANTILE5 : scheme.strip().toLowerCase(Locale.ROOT);
        double[] edges = switch (chosen) {
            case QUANTILE5 -> null;
            case LIU -> LIU_EDGES;
            default -> edges(chosen);
        };
        int[] levels = LengthAccuracy.difficultyLevels(reference, edges);
        Map<Long, Integer> binOf = new HashMap<>();
        for (int p = 0; p < reference.problems(); p++) {
            if (levels[p] > 0) {
                binOf.put(reference.problemId(p), levels[p] - 1);
            }
        }
        return new DifficultyBins(chosen, names(chosen, edges), binOf);
    }

    /**
     * Checks a binning's name: {@code quantile5}, {@code liu} or edges.
     *
     * @throws IllegalArgumentException with a sentence for the user otherwise
     */
    public static void check(String scheme) {
        String chosen = scheme.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals(QUANTILE5) && !chosen.equals(LIU)) {
            edges(chosen);
        }
    }

    /** The edges "0.1,0.5" as numbers strictly between 0 and 1, increasing. */
    static double[] edges(String text) {
        double[] edges;
        try {
            edges = Arrays.stream(text.split(","))
                    .map(String::strip)
                    .mapToDouble(Double::parseDouble)
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(invalid(text));
        }
        for (int i = 0; i < edges.length; i++) {
            if (!(edges[i] > 0 && edges[i] < 1) || i > 0 && edges[i] <= edges[i - 1]) {
                throw new IllegalArgumentException(invalid(text));
            }
        }
        return edges;
    }

    private static String invalid(String text) {
        return "'" + text + "' is not a binning: choose " + QUANTILE5 + ", " + LIU
                + " or pass-rate edges between 0 and 1, increasing, such as 0.1,0.5";
    }

    private static List<String> names(String scheme, double[] edges) {
        if (edges == null) {
            return List.of("level 1 (easiest)", "level 2", "level 3", "level 4", "level 5 (hardest)");
        }
        if (scheme.equals(LIU)) {
            return List.of("easy (50–100%)", "medium (10–50%)", "hard (0–10%)");
        }
        List<String> names = new ArrayList<>();
        for (int bin = edges.length; bin >= 0; bin--) {
            double low = bin == 0 ? 0 : edges[bin - 1];
            double high = bin == edges.length ? 1 : edges[bin];
            names.add(String.format(Locale.ROOT, "pass@1 %s–%s", percent(low), percent(high)));
        }
        return names;
    }

    private static String percent(double value) {
        double percent = value * 100;
        return (percent == Math.rint(percent) ? String.valueOf((long) percent) : String.valueOf(percent)) + "%";
    }

    /** The bin of the problem, or -1. */
    public int bin(long problemId) {
        return binOf.getOrDefault(problemId, -1);
    }
}
