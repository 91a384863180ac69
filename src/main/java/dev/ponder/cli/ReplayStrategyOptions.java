package dev.ponder.cli;

import dev.ponder.core.replay.ReplayStrategy;
import dev.ponder.core.service.ReplayPlan;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The strategy {@code ponder replay} runs and its settings, made into the replay service's plan. */
final class ReplayStrategyOptions {
    @Option(
            names = {"-s", "--strategy"},
            paramLabel = "S",
            defaultValue = "budget-forcing",
            description = "sampling, budget-forcing, multi-round, first-finish or branch (default: ${DEFAULT-VALUE}).")
    private String strategy;

    @Option(
            names = {"-b", "--budgets"},
            split = ",",
            paramLabel = "B",
            description = "Thinking budgets in tokens, comma-separated; several make a budget sweep.")
    private List<Integer> budgets = new ArrayList<>();

    @Option(
            names = "--server-budget",
            description = {
                "Let the server cap the thinking (vLLM's thinking_token_budget) "
                        + "instead of Ponder's budget forcing; needs --server or a server connection."
            })
    private boolean serverBudget;

    @Option(
            names = "--extensions",
            paramLabel = "K",
            defaultValue = "0",
            description = "Replace an early end of thinking with the wait word K times (default: 0).")
    private int extensions;

    @Option(names = "--wait-word", defaultValue = "Wait", description = "The word appended to extend thinking.")
    private String waitWord;

    @Option(
            names = "--min-thinking",
            paramLabel = "T",
            defaultValue = "0",
            description = "Keep extending until thinking is T tokens long (default: 0, off).")
    private int minThinking;

    @Option(
            names = "--answer-prompt",
            defaultValue = "Final Answer:",
            description = "Appended when the budget closes the thinking (default: ${DEFAULT-VALUE}).")
    private String answerPrompt;

    @Option(names = "--max-thinking-tokens", defaultValue = "2048", description = "Limit of uncapped thinking.")
    private int maxThinking;

    @Option(names = "--max-answer-tokens", defaultValue = "256", description = "Limit of the answer after thinking.")
    private int maxAnswer;

    @Option(
            names = {"-n", "--samples"},
            defaultValue = "1",
            description = "Samples per problem (launched ones for first-finish, branches for branch).")
    private int samples;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds of multi-round thinking (default: 3).")
    private int rounds;

    @Option(names = "--temperature", defaultValue = "0.8")
    private double temperature;

    @Option(names = "--top-p", defaultValue = "1.0")
    private double topP;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "Sample i of problem P is drawn with a seed from SHA-256(seed/P) + i.")
    private long seed;

    @Option(
            names = {"-c", "--concurrency"},
            defaultValue = "4",
            description = "Samples generated at a time.")
    private int concurrency;

    @Option(
            names = "--branch-sample",
            paramLabel = "S",
            description = {
                "For branch: the sample to branch from: its id, PROBLEM_KEY#INDEX of RUN, or a PROBLEM_KEY of RUN",
                "(its first sample holding the --before phrase)."
            })
    private String branchSample;

    @Option(names = "--at", paramLabel = "CHAR", description = "For branch: the character position to branch at.")
    private Integer branchAt;

    @Option(
            names = "--before",
            paramLabel = "PHRASE",
            description = "For branch: branch just before the first PHRASE in the trace (e.g. Wait).")
    private String branchBefore;

    @Option(names = "--name", description = "The new run's name (default: from the strategy and model).")
    private String name;

    /** The plan of these problems the options describe; a wrong setting is a usage error. */
    ReplayPlan plan(ReplayPlan.Problems problems, CommandSpec spec) {
        ReplayStrategy chosen = ReplayModelOptions.parse(spec, () -> ReplayStrategy.of(strategy));
        return ReplayModelOptions.parse(
                spec,
                () -> new ReplayPlan(
                        name,
                        chosen,
                        problems,
                        chosen == ReplayStrategy.BRANCH
                                ? new ReplayPlan.Branch(branchSample, branchAt, branchBefore, null)
                                : null,
                        budgets,
                        serverBudget,
                        ReplayPlan.forcing(extensions, waitWord, minThinking, answerPrompt, maxAnswer, maxThinking),
                        samples,
                        rounds,
                        temperature,
                        topP,
                        seed,
                        concurrency));
    }
}
