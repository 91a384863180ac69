package dev.ponder.core.compute;

import dev.ponder.core.analysis.BestOfN;
import dev.ponder.core.analysis.MajorityVote;
import dev.ponder.core.analysis.PassAtK;
import dev.ponder.core.analysis.RunColumns;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a run's k samples of a problem become its answer's accuracy, as {@code ponder stats} computes each. */
public enum Method {
    MAJORITY("majority", "maj@k"),
    PASS("pass", "pass@k"),
    WEIGHTED("weighted", "weighted best-of-N"),
    NAIVE("naive", "best-of-N");

    private final String id;
    private final String label;

    Method(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The problem's value at k, NaN where it does not count (too few samples, no scores, no verdicts). */
    public double value(RunColumns run, int problem, int k, int draws, long seed) {
        return switch (this) {
            case MAJORITY -> MajorityVote.expected(run, problem, k, draws, seed);
            case PASS ->
                run.gradedCount(problem) < k
                        ? Double.NaN
                        : PassAtK.estimate(run.gradedCount(problem), run.correctCount(problem), k);
            case WEIGHTED -> BestOfN.weighted(run, problem, k);
            case NAIVE -> BestOfN.naive(run, problem, k);
        };
    }

    public static Method parse(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Method method : values()) {
            if (method.id.equals(wanted)) {
                return method;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a method; choose " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(Method::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
