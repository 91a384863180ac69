package dev.ponder.core.answer;

/** Decides whether an extracted answer matches the gold answer. Every figure records which grader made it. */
public interface Grader {

    /** The name stored with runs and figures, e.g. {@code ponder-math}. */
    String name();

    /**
     * The verdict for one answer: {@code null} when there is no gold answer to compare with; {@code false}
     * when there is a gold answer but no extracted answer.
     */
    default Boolean grade(String extracted, String gold) {
        if (gold == null || gold.isBlank()) {
            return null;
        }
        return extracted != null && matches(extracted, gold);
    }

    boolean matches(String extracted, String gold);
}
