package dev.ponder.core.replay;

import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import java.util.List;

/**
 * One sample a strategy produced: the assistant's text from the start of its turn (a thinking opened by
 * the template included), where the thinking lies in it, and every edit the strategy forced.
 *
 * @param thinkStart     character offset just after the thinking start delimiter, -1 when the model did not think
 * @param thinkEnd       character offset where the thinking ends (its delimiter or a forced close follows), -1 when it never closed
 * @param answerStart    character offset where the answer begins (after the thinking), -1 when there is none
 * @param tokensThinking tokens between the delimiters, forced words included
 * @param tokensTotal    every token of the turn, forced words included
 */
public record ReplayedTrace(
        String text,
        int thinkStart,
        int thinkEnd,
        int answerStart,
        List<Segment> segments,
        int tokensTotal,
        int tokensThinking,
        FinishReason finish) {
    public ReplayedTrace {
        segments = List.copyOf(segments);
    }

    /** How many times the end of thinking was suppressed (each an injected wait word). */
    public int extensions() {
        return (int) segments.stream()
                .filter(s -> s.kind() == SegmentKind.INJECTED_WAIT)
                .count();
    }

    /** Whether the thinking budget ran out and the thinking was closed by force. */
    public boolean capped() {
        return segments.stream().anyMatch(s -> s.kind() == SegmentKind.FORCED_THINKING_END);
    }

    /** The thinking alone, without its delimiters. */
    public String thinking() {
        return thinkStart < 0 ? "" : text.substring(thinkStart, thinkEnd < 0 ? text.length() : thinkEnd);
    }

    /** Text after the thinking: the answer. */
    public String answer() {
        return answerStart < 0 ? "" : text.substring(answerStart);
    }
}
