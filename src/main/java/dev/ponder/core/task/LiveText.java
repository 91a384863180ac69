package dev.ponder.core.task;

/**
 * Where a background task's text goes as it is generated (a replay's samples streaming from a model), by the unit
 * it belongs to, for a live view. Called from the task's threads.
 */
@FunctionalInterface
public interface LiveText {
    LiveText NONE = (unit, piece) -> {};

    void text(String unit, String piece);
}
