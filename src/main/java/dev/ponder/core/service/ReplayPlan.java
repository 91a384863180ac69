package dev.ponder.core.service;

import dev.ponder.core.replay.BudgetForcing;
import dev.ponder.core.replay.ReplayStrategy;
import java.nio.file.Path;
import java.util.List;

/**
 * A replay as the Replay screen and {@code ponder replay} both ask for it: the strategy and its settings, which
 * problems, which trace to branch from. The defaults are decided here, once, for both.
 *
 * @param name         the new run's name; blank for one made from the strategy, the run replayed and the model
 * @param budgets      thinking budgets; several make a budget sweep (budget forcing only)
 * @param serverBudget the server caps the thinking (vLLM's {@code thinking_token_budget}) instead of Ponder
 * @param forcing      how thinking is forced; its budget is set from {@code budgets}
 * @param samples      samples per problem (launched for First Finish Search, branches for a branch)
 * @param rounds       rounds of multi-round thinking (1 for the other strategies)
 */
public record ReplayPlan(
        String name,
        ReplayStrategy strategy,
        Problems problems,
        Branch branch,
        List<Integer> budgets,
        boolean serverBudget,
        BudgetForcing.Params forcing,
        int samples,
        int rounds,
        double temperature,
        double topP,
        long seed,
        int concurrency) {
    public static final String WAIT_WORD = "Wait";
    public static final String ANSWER_PROMPT = "Final Answer:";
    public static final int MAX_ANSWER_TOKENS = 256;
    public static final int MAX_THINKING_TOKENS = 2048;
    public static final double TEMPERATURE = 0.8;
    public static final double TOP_P = 1.0;
    public static final int ROUNDS = 3;
    public static final int CONCURRENCY = 4;

    /**
     * Which problems: those of a run (all of them, or the ids given), or those of a problems file; then only the
     * keys given, then only the first {@code limit}.
     */
    public record Problems(Long runId, List<Long> ids, Path file, List<String> keys, Integer limit) {
        public Problems {
            ids = ids == null ? List.of() : List.copyOf(ids);
            keys = keys == null ? List.of() : List.copyOf(keys);
        }

        public static Problems ofRun(long runId, List<Long> ids) {
            return new Problems(runId, ids, null, null, null);
        }
    }

    /**
     * The trace a branch continues: a sample named by id, by {@code PROBLEM_KEY#INDEX} or by problem key (both in the
     * run replayed), and the position: a character, or just before a phrase of its text.
     *
     * @param description how the branch point is shown in the run's provenance; made from the sample when null
     */
    public record Branch(String sample, Integer at, String before, String description) {
        public Branch {
            if (sample == null || sample.isBlank() || (at == null) == (before == null)) {
                throw new IllegalArgumentException("a branch needs a sample and one position in it: a character, or a "
                        + "phrase to branch before");
            }
        }

        public static Branch at(long sampleId, int position, String description) {
            return new Branch(String.valueOf(sampleId), position, null, description);
        }
    }

    public ReplayPlan {
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
        rounds = strategy == ReplayStrategy.MULTI_ROUND ? rounds : 1;
    }

    /** The same replay of other problems. */
    public ReplayPlan withProblems(Problems chosen) {
        return new ReplayPlan(
                name,
                strategy,
                chosen,
                branch,
                budgets,
                serverBudget,
                forcing,
                samples,
                rounds,
                temperature,
                topP,
                seed,
                concurrency);
    }

    /** Budget forcing's settings with Ponder's limits on uncapped thinking and on the answer after it. */
    public static BudgetForcing.Params forcing(int extensions, String waitWord, int minThinking, String answerPrompt) {
        return forcing(extensions, waitWord, minThinking, answerPrompt, MAX_ANSWER_TOKENS, MAX_THINKING_TOKENS);
    }

    public static BudgetForcing.Params forcing(
            int extensions,
            String waitWord,
            int minThinking,
            String answerPrompt,
            int maxAnswerTokens,
            int maxThinkingTokens) {
        if (waitWord == null || waitWord.isBlank()) {
            throw new IllegalArgumentException("The wait word is empty; s1 uses \"" + WAIT_WORD + "\".");
        }
        return new BudgetForcing.Params(
                0,
                extensions,
                waitWord,
                minThinking,
                answerPrompt == null ? "" : answerPrompt,
                maxAnswerTokens,
                maxThinkingTokens);
    }
}
