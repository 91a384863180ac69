package dev.ponder.core.tokens;

import ai.djl.huggingface.tokenizers.Encoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Counts with a model's own HuggingFace {@code tokenizer.json}, through the Rust tokenizers library. */
public final class HuggingFaceTokenizer implements TokenCounter {
    private final ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tokenizer;
    private final String name;

    private HuggingFaceTokenizer(ai.djl.huggingface.tokenizers.HuggingFaceTokenizer tokenizer, String name) {
        this.tokenizer = tokenizer;
        this.name = name;
    }

    /** Loads a {@code tokenizer.json}, or the one inside a model folder. */
    public static HuggingFaceTokenizer load(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve("tokenizer.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new IOException("no tokenizer.json at " + path);
        }
        try {
            // Counting must see every token: no truncation, no padding, no BOS/EOS added.
            var tokenizer = ai.djl.huggingface.tokenizers.HuggingFaceTokenizer.newInstance(
                    file,
                    Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false", "maxLength", "-1"));
            return new HuggingFaceTokenizer(tokenizer, "tokenizer.json (" + file.toAbsolutePath() + ")");
        } catch (RuntimeException e) {
            throw new IOException("cannot load " + file + " as a HuggingFace tokenizer: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isEstimate() {
        return false;
    }

    @Override
    public int count(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        Encoding encoding = tokenizer.encode(text, false, false);
        return encoding.getIds().length;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
