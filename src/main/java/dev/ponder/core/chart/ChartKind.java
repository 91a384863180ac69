package dev.ponder.core.chart;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The charts Ponder draws, each with the name the command line and provenance files use. */
public enum ChartKind {
    SCALING("scaling", "Scaling curves", "pass@k, maj@k and best-of-N against k"),
    SCALING_TOKENS("scaling-tokens", "Scaling at equal compute", "the same curves against the mean tokens spent"),
    BUDGET("budget", "Budget curve", "accuracy against the thinking budget, one point per run"),
    VOTES("votes", "Vote distribution", "one problem's answer clusters"),
    VOTE_MARGINS("vote-margins", "Vote margins", "problems by the majority's margin, majority right or wrong"),
    LENGTH("length", "Length vs accuracy", "accuracy in equal-count bins of thinking tokens"),
    LENGTH_DIFFICULTY("length-difficulty", "Length vs accuracy by difficulty", "the length bins within each difficulty level"),
    LENGTH_SCATTER("length-scatter", "Tokens by correctness", "every sample's tokens, right and wrong, jittered"),
    TOKENS("tokens", "Token distribution", "how many tokens right and wrong samples spent"),
    AFTER_FIRST_CORRECT("after-first-correct", "Tokens after the first correct answer", "overthinking: what a trace spends once it is right"),
    EFFICIENCY("efficiency", "Outcome efficiency by difficulty", "ξ_O = mean T̂/T per difficulty level"),
    MARKERS("markers", "Reflection markers vs correctness", "reflection markers per 1,000 tokens in right and wrong samples"),
    ROUNDS("rounds", "Multi-round thinking", "accuracy per round and the verdicts that changed between rounds"),
    CALIBRATION("calibration", "PRM calibration", "reliability of the final-step reward score");

    private final String id;
    private final String title;
    private final String description;

    ChartKind(String id, String title, String description) {
        this.id = id;
        this.title = title;
        this.description = description;
    }

    /** The name used on the command line and in provenance files. */
    @JsonValue
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Reads a chart's name (its id, ignoring case). */
    @JsonCreator
    public static ChartKind parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ChartKind kind : values()) {
            if (kind.id.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown chart '" + text + "'; choose " + choices());
    }

    public static String choices() {
        return Arrays.stream(values()).map(ChartKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return title;
    }
}
