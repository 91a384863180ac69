package dev.ponder.core.replay;

import dev.ponder.core.PonderVersion;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A replay as the researcher sets it up: the strategy and its parameters, the problems, and the run it
 * replays. A budget-forcing request with several budgets is a budget sweep: one run per budget, grouped.
 *
 * @param budgets     thinking budgets; empty for uncapped thinking (sampling, rounds, First Finish Search)
 * @param samples     samples per problem (sample chains for rounds, launched samples for First Finish Search,
 *                    branches for branch-from-here)
 * @param forcing     how thinking is forced; its own budget is replaced by each of {@code budgets}
 * @param original    the run replayed, or null for problems that belong to none
 * @param serverBudget the server caps the thinking (vLLM's {@code thinking_token_budget}) rather than Ponder
 */
public record ReplayRequest(
        String name,
        ReplayStrategy strategy,
        List<Problem> problems,
        List<Integer> budgets,
        int samples,
        int rounds,
        BudgetForcing.Params forcing,
        double temperature,
        double topP,
        long seed,
        int concurrency,
        BranchOrigin origin,
        Run original,
        boolean serverBudget) {
    public ReplayRequest {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a replay needs a name");
        }
        problems = List.copyOf(problems);
        budgets = List.copyOf(budgets);
        if (serverBudget && strategy == ReplayStrategy.BRANCH) {
            throw new IllegalArgumentException("a branch continues a trace, which the server's own thinking budget "
                    + "cannot do; use Ponder's budget forcing");
        }
        if (problems.isEmpty() && origin == null) {
            throw new IllegalArgumentException("no problems chosen to replay");
        }
        if (strategy == ReplayStrategy.BUDGET_FORCING && budgets.isEmpty()) {
            throw new IllegalArgumentException("budget forcing needs at least one thinking budget");
        }
        if (strategy != ReplayStrategy.BUDGET_FORCING && budgets.size() > 1) {
            throw new IllegalArgumentException(
                    "only budget forcing sweeps budgets; " + strategy.label() + " takes at most one budget");
        }
        if (budgets.stream().anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("thinking budgets must be at least 1 token: " + budgets);
        }
        if (strategy == ReplayStrategy.MULTI_ROUND ? rounds < 2 : rounds != 1) {
            throw new IllegalArgumentException(
                    strategy == ReplayStrategy.MULTI_ROUND
                            ? "multi-round thinking needs at least 2 rounds"
                            : "rounds apply to multi-round thinking only");
        }
    }

    /** Whether this is a budget sweep: several runs, one per budget. */
    public boolean isSweep() {
        return budgets.size() > 1;
    }

    /** The budgets of the runs the replay makes: one null (uncapped) when none is set. */
    public List<Integer> runBudgets() {
        List<Integer> each = new ArrayList<>(budgets);
        if (each.isEmpty()) {
            each.add(null);
        }
        return each;
    }

    /** The runner's plan for the run of one budget (null: uncapped). */
    public ReplayRunner.Plan plan(Integer budget) {
        BudgetForcing.Params p = forcing();
        BudgetForcing.Params capped = new BudgetForcing.Params(
                budget == null ? 0 : budget,
                p.extensions(),
                p.waitWord(),
                p.minThinkingTokens(),
                p.answerPrompt(),
                p.maxAnswerTokens(),
                p.maxThinkingTokens());
        GenerationRequest sampling =
                new GenerationRequest("", p.maxThinkingTokens(), temperature, topP, seed, List.of());
        return new ReplayRunner.Plan(
                strategy, problems, samples, capped, sampling, rounds, concurrency, origin, serverBudget);
    }

    /** The run's name for one budget. */
    public String runName(Integer budget) {
        return isSweep() ? name + " · budget " + budget : name;
    }

    /**
     * Everything that decides the samples, as the run's parameters: enough to run the replay again. The
     * back-end is named, never its key; concurrency is left out since it changes nothing in the samples.
     */
    public Map<String, String> provenance(Integer budget, ModelBackend model, PromptTemplate template) {
        Map<String, String> p = new LinkedHashMap<>();
        if (budget != null) {
            p.put("budget", String.valueOf(budget));
            p.put("budget_mode", serverBudget ? "server (thinking_token_budget)" : "forcing");
            if (!serverBudget) {
                p.put("answer_prompt", forcing.answerPrompt());
            }
        }
        if (forcing.extensions() > 0 || forcing.minThinkingTokens() > 0) {
            p.put("extensions", String.valueOf(forcing.extensions()));
            p.put("wait_word", forcing.waitWord());
        }
        if (forcing.minThinkingTokens() > 0) {
            p.put("min_thinking_tokens", String.valueOf(forcing.minThinkingTokens()));
        }
        p.put("max_thinking_tokens", String.valueOf(forcing.maxThinkingTokens()));
        p.put("max_answer_tokens", String.valueOf(forcing.maxAnswerTokens()));
        p.put(
                switch (strategy) {
                    case FIRST_FINISH -> "launched";
                    case BRANCH -> "branches";
                    default -> "samples";
                },
                String.valueOf(samples));
        if (strategy == ReplayStrategy.MULTI_ROUND) {
            p.put("rounds", String.valueOf(rounds));
        }
        p.put("temperature", number(temperature));
        p.put("top_p", number(topP));
        p.put("seed", String.valueOf(seed));
        p.put(
                "seeds",
                "sample i of problem P is drawn with seed h + i, h = the first 31 bits of SHA-256(\"" + seed + "/P\")");
        p.put("template", template.name());
        if (!PromptTemplate.BUILT_IN.contains(template)) {
            p.put("template_turn", template.turn());
            p.put("think_start", template.thinkStart());
            p.put("think_end", template.thinkEnd());
            p.put("template_opens_thinking", String.valueOf(template.preopensThinking()));
            p.put("end_of_turn", String.join(" ", template.endOfTurn()));
        }
        p.put("backend", model.backendName());
        p.put("token_counting", model.tokenCounting());
        p.put("ponder_version", PonderVersion.current());
        p.put("problems", String.valueOf(origin != null ? 1 : problems.size()));
        if (original != null) {
            p.put("replay_of", original.name());
        }
        if (origin != null) {
            p.put("branched_from", origin.description());
            p.put("branched_at", String.valueOf(origin.position()));
        }
        if (isSweep()) {
            p.put("group", name);
        }
        return p;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value) : String.valueOf(value);
    }
}
