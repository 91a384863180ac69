package dev.ponder.core.model;

/**
 * Where a trace's thinking and answer lie.
 *
 * @param thinking    the thinking, delimiters excluded, or {@code null} when the trace has none
 * @param closed      false when thinking opened but never closed: the generation was cut off
 * @param answerStart where the answer part begins (after the closing delimiter); the text's length when
 *                    there is no answer part
 */
public record ThinkingSplit(ThinkingSpan thinking, boolean closed, int answerStart) {

    public static ThinkingSplit noThinking() {
        return new ThinkingSplit(null, true, 0);
    }

    public boolean truncated() {
        return thinking != null && !closed;
    }
}
