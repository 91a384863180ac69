package dev.ponder.core.replay;

import java.util.List;

/**
 * One continuation to generate: a raw prompt (already templated) and the sampling settings.
 *
 * @param maxTokens   the most tokens to generate; the back-end stops there with {@link FinishReason#LENGTH}
 * @param temperature 0 for greedy decoding
 * @param seed        the sampling seed, so a replay can be repeated
 * @param stop        strings that end the generation (not included in the text)
 */
public record GenerationRequest(
        String prompt, int maxTokens, double temperature, double topP, long seed, List<String> stop) {

    public GenerationRequest {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
        stop = List.copyOf(stop);
    }

    /** Greedy decoding of at most {@code maxTokens} tokens. */
    public static GenerationRequest greedy(String prompt, int maxTokens) {
        return new GenerationRequest(prompt, maxTokens, 0, 1, 0, List.of());
    }

    public GenerationRequest withPrompt(String newPrompt, int newMaxTokens) {
        return new GenerationRequest(newPrompt, newMaxTokens, temperature, topP, seed, stop);
    }

    public GenerationRequest withStop(List<String> newStop) {
        return new GenerationRequest(prompt, maxTokens, temperature, topP, seed, newStop);
    }
}
