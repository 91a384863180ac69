package dev.ponder.core.model;

/**
 * How many tokens a sample spent.
 *
 * @param total     all generated tokens (thinking and answer), or {@code null} if unknown
 * @param thinking  tokens inside the thinking span, or {@code null} if unknown
 * @param estimated true when the counts come from a stand-in tokenizer rather than the model's own
 */
public record TokenCounts(Integer total, Integer thinking, boolean estimated) {
    public static final TokenCounts UNKNOWN = new TokenCounts(null, null, false);

    public TokenCounts {
        if (total != null && total < 0) {
            throw new IllegalArgumentException("total tokens must not be negative, was " + total);
        }
        if (thinking != null && thinking < 0) {
            throw new IllegalArgumentException("thinking tokens must not be negative, was " + thinking);
        }
    }
}
