package dev.ponder.core.model;

/**
 * The part of a sample's text that is thinking, as character offsets {@code [start, end)} into the text.
 * Delimiters such as {@code <think>} lie outside the span.
 */
public record ThinkingSpan(int start, int end) {
    public ThinkingSpan {
        Checks.span(start, end, "thinking span");
    }

    public int length() {
        return end - start;
    }
}
