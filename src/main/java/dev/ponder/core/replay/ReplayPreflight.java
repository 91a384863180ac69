package dev.ponder.core.replay;

import dev.ponder.core.model.Problem;
import java.util.List;

/**
 * What a replay needs of its server, checked before any sample is sent, so that a strategy the server cannot run
 * exactly is refused with the reason instead of failing sample by sample: raw completions (unless the replay goes
 * through chat completions), exact token counts where budgets or extensions are counted, and the server's own
 * thinking budget where the replay leaves the cap to it. A model run in-process supports everything.
 */
public final class ReplayPreflight {
    private ReplayPreflight() {}

    /** Refuses, with the reason and what to do, a replay {@code model} cannot run exactly; silent otherwise. */
    public static void check(ReplayRequest request, ModelBackend model) throws ReplayException {
        OpenAiCompatible server = OpenAiCompatible.behind(model);
        if (server == null) {
            return;
        }
        if (request.serverBudget()) {
            String engine = ServerProbe.engine(server);
            if (!engine.startsWith("vLLM")) {
                throw new ReplayException("The server's own thinking budget is vLLM's thinking_token_budget; "
                        + model.backendName() + " is " + engine + ", which would ignore it and think uncapped. "
                        + "Leave the cap to Ponder's budget forcing (drop --server-budget).");
            }
            return;
        }
        if (!(model instanceof ChatContinuation)) {
            rawCompletions(server);
        }
        if (countsTokens(request)) {
            try {
                model.countTokensAfter(question(request), " Wait");
            } catch (ReplayException e) {
                throw new ReplayException(
                        "Budgets and extensions need exact token counts, which " + model.backendName()
                                + " cannot give: " + e.getMessage(),
                        e);
            }
        }
    }

    /** A one-token raw completion; a server without them is told to go through chat completions. */
    private static void rawCompletions(OpenAiCompatible server) throws ReplayException {
        try {
            server.streamsUsage();
        } catch (ServerRefusal e) {
            if (!e.noSuchEndpoint()) {
                throw e;
            }
            String lower = e.said.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("model") && !lower.contains("chat")) {
                throw e; // no such model: its sentence says so
            }
            throw new ReplayException(
                    server.backendName() + " answers nothing at /v1/completions for " + server.modelName() + " ("
                            + e.status + "): if the base URL is right (it usually ends in /v1), the server has no raw "
                            + "completions; replay through chat completions (--chat, or the connection's Chat "
                            + "completions box).",
                    e);
        }
    }

    /** Whether the strategy counts thinking tokens itself: a budget, extensions, a minimum, a branch's prefix. */
    static boolean countsTokens(ReplayRequest request) {
        BudgetForcing.Params forcing = request.forcing();
        return !request.budgets().isEmpty()
                || forcing.extensions() > 0
                || forcing.minThinkingTokens() > 0
                || request.strategy() == ReplayStrategy.BRANCH;
    }

    private static String question(ReplayRequest request) {
        List<Problem> problems = request.problems();
        return problems.isEmpty() || problems.get(0).question() == null
                ? "Question:"
                : problems.get(0).question();
    }
}
