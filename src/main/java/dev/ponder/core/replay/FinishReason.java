package dev.ponder.core.replay;

/** Why a generation ended, in the words OpenAI-compatible servers use. */
public enum FinishReason {
    /** The model ended its turn or produced a stop string. */
    STOP,
    /** The token limit of the request was reached. */
    LENGTH,
    /** The user (or a First Finish Search) stopped it. */
    CANCELLED;

    /** The {@code finish_reason} value stored with a sample. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
