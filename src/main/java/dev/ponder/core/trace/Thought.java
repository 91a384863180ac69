package dev.ponder.core.trace;

/**
 * One thought of a trace: a stretch between blank lines or reflection markers, as character offsets into the
 * sample's text.
 *
 * @param start     where it begins
 * @param end       where it ends (exclusive)
 * @param marker    the reflection marker it begins with, or {@code null}
 * @param answer    the answer it states outright (a box, "the answer is ..."), or {@code null}
 * @param answerEnd where that statement ends, or -1
 */
public record Thought(int start, int end, String marker, String answer, int answerEnd) {}
