package dev.ponder.core.replay;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import java.util.List;

/**
 * Where a branch-from-here replay starts: a stored sample of a problem and a character position in its text.
 * The branches continue {@code text[0, position)}; the sample itself is copied into the new run as their root.
 */
public record BranchOrigin(Problem problem, ReplayedTrace trace, int position, String description) {
    public BranchOrigin {
        if (position < 0 || position > trace.text().length()) {
            throw new IllegalArgumentException("branch position " + position + " lies outside the trace's "
                    + trace.text().length() + " characters");
        }
    }

    /** The prefix every branch continues. */
    public String prefix() {
        return trace.text().substring(0, position);
    }

    /** A stored sample as a branch origin; {@code thinkEnd} is the delimiter its thinking closes with. */
    public static BranchOrigin of(
            Problem problem, Sample sample, List<Segment> segments, int position, String thinkEnd, String description) {
        String text = sample.text();
        int thinkStart = sample.thinking() == null ? -1 : sample.thinking().start();
        int thinkEndAt = sample.thinking() == null || sample.truncated()
                ? -1
                : sample.thinking().end();
        int answerStart = -1;
        if (thinkEndAt >= 0) {
            answerStart = text.startsWith(thinkEnd, thinkEndAt) ? thinkEndAt + thinkEnd.length() : thinkEndAt;
        } else if (thinkStart < 0) {
            answerStart = 0;
        }
        Integer total = sample.tokens().total();
        Integer thinking = sample.tokens().thinking();
        FinishReason finish = "length".equals(sample.finishReason()) ? FinishReason.LENGTH : FinishReason.STOP;
        ReplayedTrace trace = new ReplayedTrace(
                text,
                thinkStart,
                thinkEndAt,
                answerStart,
                segments,
                total == null ? 0 : total,
                thinking == null ? 0 : thinking,
                finish);
        return new BranchOrigin(problem, trace, position, description);
    }
}
