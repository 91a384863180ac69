package dev.ponder.core.answer;

/**
 * What extraction found in a trace.
 *
 * @param answerText the answer part (after the thinking), or {@code null} when the trace has none
 * @param extracted  the answer itself, or {@code null} when none could be found
 * @param rule       which rule found it ({@code boxed}, {@code final-answer}, {@code the-answer-is},
 *                   {@code answer-colon}, {@code choice}, {@code whole}), or {@code null}
 */
public record ExtractedAnswer(String answerText, String extracted, String rule) {
    public static final ExtractedAnswer NONE = new ExtractedAnswer(null, null, null);
}
