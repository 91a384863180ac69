package dev.ponder.core.model;

import java.util.Objects;

/**
 * A stretch of a sample's text that a strategy inserted or forced, at character offsets
 * {@code [charStart, charEnd)}, so that the trace viewer can show what the model did not write itself.
 *
 * @param detail free text, e.g. which extension round an injected "Wait" belongs to
 */
public record Segment(int index, SegmentKind kind, int charStart, int charEnd, String detail) {
    public Segment {
        Checks.nonNegative(index, "index");
        Objects.requireNonNull(kind, "kind");
        Checks.span(charStart, charEnd, "segment");
    }
}
