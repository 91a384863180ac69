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
