package dev.ponder.core.judge;

import dev.ponder.core.replay.GenerationRequest;
import dev.ponder.core.replay.ModelBackend;
import dev.ponder.core.replay.OpenAiCompatible;
import dev.ponder.core.replay.ReplayException;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A model behind an OpenAI-compatible server, asked {@link JudgePrompt}'s question about one pair at a time. */
public final class AnswerJudge {
    /** Room for a reasoning model's thinking before its one word; most replies are a few tokens. */
    static final int MAX_TOKENS = 1024;

    private final OpenAiCompatible server;
    private final String name;

    public AnswerJudge(OpenAiCompatible server, String model) {
        this.server = server;
        this.name = nameOf(model);
    }

    /** The judge's name as its verdicts are kept: its model and the prompt's version. */
    public static String nameOf(String model) {
        return "judge " + model + " (prompt " + JudgePrompt.VERSION + ")";
    }

    /** The most tokens one reply may take. */
    public static int maxTokens() {
        return MAX_TOKENS;
    }

    public String name() {
        return name;
    }

    /** The reply to the question about one pair: its text and the verdict read from it ({@code null}: neither). */
    public record Reply(String text, Boolean verdict) {}

    public Reply ask(String answer, String gold, BooleanSupplier cancelled) throws ReplayException {
        OpenAiCompatible.ChatGeneration reply = server.chat(
                List.of(new OpenAiCompatible.ChatMessage("user", JudgePrompt.about(answer, gold))),
                false,
                GenerationRequest.greedy("", MAX_TOKENS),
                ModelBackend.TextStream.NONE,
                cancelled);
        String text = reply.content().strip();
        return new Reply(text, JudgePrompt.verdict(text));
    }
}
