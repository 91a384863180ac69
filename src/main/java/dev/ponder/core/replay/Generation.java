package dev.ponder.core.replay;

/**
 * What a back-end generated for one request.
 *
 * @param tokens the number of tokens generated, as the model counted them
 */
public record Generation(String text, int tokens, FinishReason finish) {}
