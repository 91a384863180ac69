package dev.ponder.core.replay;

import java.util.Arrays;

/** The test-time strategies a replay runs; {@link #code()} is the run's {@code strategy} and the CLI's name. */
public enum ReplayStrategy {
    /** N independent samples per problem (self-consistency, best-of-N), thinking uncapped. */
    SAMPLING("sampling", "Parallel sampling"),
    /** s1 budget forcing: thinking capped at a budget, optionally extended with "Wait". */
    BUDGET_FORCING("budget-forcing", "Budget forcing"),
    /** Think Twice: R rounds, each told only the previous round's answer. */
    MULTI_ROUND("multi-round", "Multi-round thinking"),
    /** First Finish Search: launch n, keep the first to finish, cancel the rest. */
    FIRST_FINISH("first-finish", "First Finish Search"),
    /** K continuations of one trace from a chosen position. */
    BRANCH("branch", "Branch from here");

    private final String code;
    private final String label;

    ReplayStrategy(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /**
     * What a replay of this strategy is called by default, in lower case ("budget sweep", "best-of-16",
     * "3 rounds"); a run's name adds what it replays.
     */
    public String describe(int samples, int rounds, int budgets) {
        return switch (this) {
            case BUDGET_FORCING -> budgets > 1 ? "budget sweep" : "budget forcing";
            case SAMPLING -> "best-of-" + samples;
            case MULTI_ROUND -> rounds + " rounds";
            case FIRST_FINISH -> "first finish of " + samples;
            case BRANCH -> "branches";
        };
    }

    @Override
    public String toString() {
        return label;
    }

    public static ReplayStrategy of(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown replay strategy '" + code
                        + "', expected one of "
                        + Arrays.stream(values()).map(ReplayStrategy::code).toList()));
    }
}
