package dev.ponder.core.model;

/**
 * What a sample answered.
 *
 * @param text      the answer part of the trace (after the thinking), or {@code null}
 * @param extracted the answer as extracted from the text (e.g. the content of the last {@code \boxed{}})
 * @param key       the normalised form under which equivalent answers are voted together
 */
public record Answer(String text, String extracted, String key) {
    public static final Answer NONE = new Answer(null, null, null);
}
