package dev.ponder.core.model;

/**
 * One reasoning step of a sample as a process reward model scored it: character offsets
 * {@code [charStart, charEnd)} into the sample's text and the step's score, if any.
 */
public record Step(int index, int charStart, int charEnd, Double score) {
    public Step {
        Checks.nonNegative(index, "index");
        Checks.span(charStart, charEnd, "step");
    }
}
