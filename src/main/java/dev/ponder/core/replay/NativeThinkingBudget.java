package dev.ponder.core.replay;

import dev.ponder.core.model.Segment;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The second budget mode: the server caps the thinking itself (vLLM's {@code thinking_token_budget}, which ends
 * the reasoning with the parser's end string once the budget is spent). Ponder sees the reasoning and the answer
 * apart and writes them back into one trace with the template's delimiters; no edit of Ponder's is in it, so the
 * trace has no forced segments, and the run records {@code budget_mode=native}.
 */
public final class NativeThinkingBudget {
    private final OpenAiCompatible server;
    private final PromptTemplate template;
    private final BudgetForcing.Params params;

    public NativeThinkingBudget(OpenAiCompatible server, PromptTemplate template, BudgetForcing.Params params) {
        this.server = server;
        this.template = template;
        this.params = params;
    }

    public ReplayedTrace run(
            String question, GenerationRequest sampling, ModelBackend.TextStream stream, BooleanSupplier cancelled)
            throws ReplayException {
        int budget = params.budget() > 0 ? params.budget() : params.maxThinkingTokens();
        GenerationRequest request = sampling.withPrompt("", budget + params.maxAnswerTokens());
        OpenAiCompatible.ChatGeneration g = server.chat(
                List.of(new OpenAiCompatible.ChatMessage("user", question)),
                false,
                params.budget() > 0 ? params.budget() : null,
                request,
                stream,
                cancelled);
        if (g.reasoning().isEmpty()) {
            return new ReplayedTrace(g.content(), -1, -1, 0, List.<Segment>of(), g.tokens(), 0, g.finish());
        }
        String opened = template.thinkStart() + "\n";
        String text = opened + g.reasoning() + template.thinkEnd() + g.content();
        int thinkEnd = opened.length() + g.reasoning().length();
        int thinking = Math.min(server.countTokens(g.reasoning()), g.tokens());
        return new ReplayedTrace(
                text,
                opened.length(),
                thinkEnd,
                thinkEnd + template.thinkEnd().length(),
                List.of(),
                g.tokens(),
                thinking,
                g.finish());
    }
}
