package dev.ponder.core.trace;

import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.model.ThinkingSplit;
import java.util.List;

/**
 * Finds the thinking in a trace written inline (docs/methods.md, "Answers" and "Trace structure"): {@code <think>…</think>} with or without
 * the opening tag, s1's {@code <|im_start|>think}/{@code <|im_start|>answer}, Sky-T1's
 * {@code <|begin_of_thought|>}/{@code <|end_of_thought|>}. Thinking that opened and never closed
 * means the trace was cut off.
 */
public final class ThinkingSplitter {
    private final List<ThinkingDelimiters> delimiters;

    public ThinkingSplitter() {
        this(ThinkingDelimiters.KNOWN);
    }

    public ThinkingSplitter(List<ThinkingDelimiters> delimiters) {
        this.delimiters = List.copyOf(delimiters);
    }

    /**
     * The split as the trace's delimiters give it, else as stored at import (thinking from a separate reasoning
     * field, {@code thinking} null when there is none).
     */
    public ThinkingSplit split(String text, ThinkingSpan stored, boolean truncated) {
        ThinkingSplit found = split(text);
        if (found.thinking() != null || stored == null) {
            return found;
        }
        int end = Math.min(stored.end(), text.length());
        int answerStart = end;
        while (answerStart < text.length() && Character.isWhitespace(text.charAt(answerStart))) {
            answerStart++;
        }
        return new ThinkingSplit(new ThinkingSpan(Math.min(stored.start(), end), end), !truncated, answerStart);
    }

    public ThinkingSplit split(String text) {
        for (ThinkingDelimiters pair : delimiters) {
            int open = text.indexOf(pair.open());
            int close =
                    open >= 0 ? text.indexOf(pair.close(), open + pair.open().length()) : text.indexOf(pair.close());
            if (open >= 0) {
                int start = skipNewline(text, open + pair.open().length());
                if (close < 0) {
                    return new ThinkingSplit(new ThinkingSpan(start, text.length()), false, text.length());
                }
                return new ThinkingSplit(
                        new ThinkingSpan(start, Math.max(start, close)),
                        true,
                        close + pair.close().length());
            }
            if (close >= 0 && pair.openMayBeMissing()) {
                return new ThinkingSplit(
                        new ThinkingSpan(0, close), true, close + pair.close().length());
            }
        }
        return ThinkingSplit.noThinking();
    }

    /** The opening marker is usually followed by a line break that belongs to neither part. */
    private static int skipNewline(String text, int at) {
        if (at < text.length() && text.charAt(at) == '\n') {
            return at + 1;
        }
        if (at + 1 < text.length() && text.charAt(at) == '\r' && text.charAt(at + 1) == '\n') {
            return at + 2;
        }
        return at;
    }
}
