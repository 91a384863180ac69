package dev.ponder.core.tokens;

/** Counts the tokens of a text. Implementations are safe to use from several threads. */
public interface TokenCounter extends AutoCloseable {

    /** What counted, as recorded with the run, e.g. {@code cl100k estimate} or {@code tokenizer.json (Qwen2.5)}. */
    String name();

    /** True when this is a stand-in for the model's own tokenizer. */
    boolean isEstimate();

    int count(String text);

    @Override
    default void close() {}
}
