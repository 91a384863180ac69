package dev.ponder.core.chart;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The charts Ponder draws, each with the name the command line and provenance files use. */
public enum ChartKind {
    SCALING(
            "scaling",
            "Scaling curves",
            "pass@k, maj@k and best-of-N against k",
            EnumSet.of(ChartOption.CURVES, ChartOption.K_MAX)),
    SCALING_TOKENS(
            "scaling-tokens",
            "Scaling at equal compute",
            "the same curves against the mean tokens spent (or FLOPs, eFLOPs, money)",
            EnumSet.of(ChartOption.CURVES, ChartOption.K_MAX, ChartOption.COST_AXIS)),
    BUDGET(
            "budget",
            "Budget curve",
            "accuracy against the thinking budget, one point per run",
            EnumSet.of(ChartOption.BUDGET_AXIS, ChartOption.COST_AXIS)),
    VOTES(
            "votes",
            "Vote distribution",
            "one problem's answer clusters",
            EnumSet.of(ChartOption.PROBLEM, ChartOption.WEIGHTED)),
    VOTE_MARGINS(
            "vote-margins",
            "Vote margins",
            "problems by the majority's margin, majority right or wrong",
            EnumSet.of(ChartOption.BINS)),
    LENGTH(
            "length",
            "Length vs accuracy",
            "accuracy in equal-count bins of thinking tokens",
            EnumSet.of(ChartOption.BINS, ChartOption.LEVEL)),
    LENGTH_DIFFICULTY(
            "length-difficulty",
            "Length vs accuracy by difficulty",
            "the length bins within each difficulty level",
            EnumSet.of(ChartOption.BINS, ChartOption.LEVEL)),
    LENGTH_SCATTER(
            "length-scatter",
            "Tokens by correctness",
            "every sample's tokens, right and wrong, jittered",
            EnumSet.of(ChartOption.LEVEL)),
    TOKENS(
            "tokens",
            "Token distribution",
            "how many tokens right and wrong samples spent",
            EnumSet.of(ChartOption.BINS, ChartOption.LEVEL)),
    AFTER_FIRST_CORRECT(
            "after-first-correct",
            "Tokens after the first correct answer",
            "overthinking: what a trace spends once it is right",
            EnumSet.of(ChartOption.BINS, ChartOption.LEVEL)),
    EFFICIENCY(
            "efficiency",
            "Outcome efficiency by difficulty",
            "ξ_O = mean T̂/T per difficulty level",
            EnumSet.noneOf(ChartOption.class)),
    MARKERS(
            "markers",
            "Reflection markers vs correctness",
            "reflection markers per 1,000 tokens in right and wrong samples",
            EnumSet.of(ChartOption.LEVEL)),
    ROUNDS(
            "rounds",
            "Multi-round thinking",
            "accuracy per round and the verdicts that changed between rounds",
            EnumSet.noneOf(ChartOption.class)),
    CALIBRATION(
            "calibration",
            "PRM calibration",
            "reliability of the final-step reward score",
            EnumSet.of(ChartOption.BINS)),
    FLIPS(
            "flips",
            "Flips by difficulty (A → B)",
            "two runs: shared problems both, only A, only B or neither solve, per difficulty level of A",
            EnumSet.noneOf(ChartOption.class)),
    PAIRED_RATES(
            "paired-rates",
            "Pass rate, B against A",
            "two runs: each shared problem's pass rate in B against A",
            EnumSet.noneOf(ChartOption.class)),
    FRONTIER(
            "frontier",
            "Compute-optimal frontier",
            "runs of the same problems: accuracy against cost per difficulty bin, the frontier and its fit",
            EnumSet.of(ChartOption.COST_AXIS));

    private final String id;
    private final String title;
    private final String description;
    private final Set<ChartOption> options;

    ChartKind(String id, String title, String description, Set<ChartOption> options) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.options = options;
    }

    /** Whether the chart is drawn differently as this option is set: the window shows that control beside it. */
    public boolean uses(ChartOption option) {
        return options.contains(option);
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
