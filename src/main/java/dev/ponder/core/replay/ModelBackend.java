package dev.ponder.core.replay;

import java.util.function.BooleanSupplier;

/**
 * A model that continues raw prompts: the embedded llama.cpp or an OpenAI-compatible server.
 * Strategies talk only to this, so every strategy runs against every back-end.
 */
public interface ModelBackend extends AutoCloseable {

    /**
     * Continues {@code request.prompt()}, handing text to {@code stream} as it arrives.
     * Stops early, with {@link FinishReason#CANCELLED}, once {@code cancelled} says so.
     */
    Generation generate(GenerationRequest request, TextStream stream, BooleanSupplier cancelled) throws ReplayException;

    /** The number of tokens the model's own tokenizer makes of {@code text}. */
    int countTokens(String text) throws ReplayException;

    /**
     * The number of tokens {@code text} adds after {@code before}, as the model reads them in that context: what a
     * forced word or a written prefix costs the thinking budget. By default the text counted alone.
     */
    default int countTokensAfter(String before, String text) throws ReplayException {
        return countTokens(text);
    }

    /** How tokens are counted, as provenance records it (the model's tokenizer, a server's endpoint or usage). */
    default String tokenCounting() {
        return "the model's own tokenizer";
    }

    /** The model's name as provenance records it (file name or the server's model id). */
    String modelName();

    /** Which back-end serves the model, as provenance records it (never a key). */
    String backendName();

    @Override
    void close();

    /** Receives generated text piece by piece, on the generating thread. */
    @FunctionalInterface
    interface TextStream {
        TextStream NONE = text -> {};

        void text(String piece);
    }
}
