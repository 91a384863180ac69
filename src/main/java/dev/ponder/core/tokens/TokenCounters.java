package dev.ponder.core.tokens;

import com.knuddels.jtokkit.api.EncodingType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/** The token counter a user names: {@code cl100k}, {@code o200k}, or a path to a {@code tokenizer.json}. */
public final class TokenCounters {
    /** The default estimate: OpenAI's cl100k encoding, close to most open models' counts on English and math. */
    public static final String CL100K = "cl100k";
    /** OpenAI's o200k encoding. */
    public static final String O200K = "o200k";

    private TokenCounters() {
    }

    public static TokenCounter named(String spec) {
        if (spec == null || spec.isBlank()) {
            return EncodingEstimate.cl100k();
        }
        switch (spec.strip().toLowerCase(Locale.ROOT)) {
            case CL100K, "cl100k_base":
                return EncodingEstimate.cl100k();
            case O200K, "o200k_base":
                return new EncodingEstimate(EncodingType.O200K_BASE);
            default:
                try {
                    return HuggingFaceTokenizer.load(Path.of(spec));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
        }
    }
}
