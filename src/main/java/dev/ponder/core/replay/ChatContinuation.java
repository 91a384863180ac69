package dev.ponder.core.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Budget forcing and every other strategy over {@code /v1/chat/completions}, for servers that offer no raw
 * completions (DeepSeek, OpenRouter, hosted APIs): the raw prompt a strategy builds is split back into the user's
 * question and the assistant's turn so far, which the server continues ({@code continue_final_message}, DeepSeek's
 * {@code prefix}). Reasoning that arrives apart ({@code reasoning_content} / {@code reasoning}) is written back
 * between the template's thinking delimiters, and the thinking's end is honoured as a stop string even where the
 * server's reasoning parser hid it. A server that hides its reasoning entirely cannot be budget-forced: its samples
 * are stored as answers without thinking, never as pretend thinking.
 */
public final class ChatContinuation implements ModelBackend {
    private final OpenAiCompatible server;
    private final PromptTemplate template;

    public ChatContinuation(OpenAiCompatible server, PromptTemplate template) {
        this.server = server;
        this.template = template;
    }

    @Override
    public Generation generate(GenerationRequest request, TextStream stream, BooleanSupplier cancelled)
            throws ReplayException {
        String turn = template.turn();
        int at = turn.indexOf(PromptTemplate.QUESTION);
        String before = turn.substring(0, at);
        String after = turn.substring(
                at + PromptTemplate.QUESTION.length(),
                turn.length() - template.openedThinking().length());
        String prompt = request.prompt();
        int end = prompt.indexOf(after, before.length());
        if (!prompt.startsWith(before) || end < 0) {
            throw new ReplayException("The prompt is not in the " + template.name() + " template, so it cannot be sent "
                    + "as a chat; choose the template the strategy used.");
        }
        String question = prompt.substring(before.length(), end);
        String partial = prompt.substring(end + after.length());
        List<OpenAiCompatible.ChatMessage> messages = new ArrayList<>();
        messages.add(new OpenAiCompatible.ChatMessage("user", question));
        if (!partial.isEmpty()) {
            messages.add(new OpenAiCompatible.ChatMessage("assistant", partial));
        }
        OpenAiCompatible.ChatGeneration g = server.chat(messages, !partial.isEmpty(), request, stream, cancelled);
        String text = written(partial, g);
        FinishReason finish = g.finish();
        for (String stop : request.stop()) {
            int cut = text.indexOf(stop);
            if (cut >= 0) { // a stop string the server did not apply (a hidden </think>)
                text = text.substring(0, cut);
                finish = FinishReason.STOP;
            }
        }
        return new Generation(text, g.tokens(), finish);
    }

    /** The turn's new text as the template writes it: reasoning inside the thinking delimiters, then the answer. */
    private String written(String partial, OpenAiCompatible.ChatGeneration g) {
        if (g.reasoning().isEmpty()) {
            return g.content();
        }
        boolean open = partial.contains(template.thinkStart()) && !partial.contains(template.thinkEnd());
        StringBuilder text = new StringBuilder();
        if (!open) {
            text.append(template.thinkStart()).append('\n');
        }
        text.append(g.reasoning());
        if (!g.content().isEmpty()) {
            text.append(template.thinkEnd()).append(g.content());
        }
        return text.toString();
    }

    /** The server the chat goes to. */
    public OpenAiCompatible server() {
        return server;
    }

    @Override
    public int countTokens(String text) throws ReplayException {
        return server.countTokens(text);
    }

    @Override
    public int countTokensAfter(String before, String text) throws ReplayException {
        return server.countTokensAfter(before, text);
    }

    @Override
    public String tokenCounting() {
        return server.tokenCounting();
    }

    @Override
    public String modelName() {
        return server.modelName();
    }

    @Override
    public String backendName() {
        return server.backendName() + " (chat completions, continuing the assistant's turn)";
    }

    @Override
    public void close() {
        server.close();
    }
}
