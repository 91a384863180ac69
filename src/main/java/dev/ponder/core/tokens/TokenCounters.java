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

    /** The built-in estimates, besides a model's own tokenizer.json. */
    public static final java.util.List<String> ESTIMATES = java.util.List.of(CL100K, O200K);

    private TokenCounters() {}

    /** What is wrong with a tokenizer the user named, in words; empty when {@link #named} can load it. */
    public static java.util.Optional<String> problem(String spec) {
        String chosen = spec == null ? "" : spec.strip();
        if (ESTIMATES.contains(chosen.toLowerCase(Locale.ROOT))) {
            return java.util.Optional.empty();
        }
        String choices = ": choose " + CL100K + ", " + O200K + " or a model's tokenizer.json.";
        try {
            Path file = Path.of(chosen);
            if (chosen.isEmpty() || !java.nio.file.Files.isRegularFile(file)) {
                return java.util.Optional.of("No tokenizer file at " + (chosen.isEmpty() ? "''" : chosen) + choices);
            }
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                return java.util.Optional.of(file.getFileName() + " is not a tokenizer.json" + choices);
            }
            return java.util.Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.of("'" + chosen + "' is not a file path" + choices);
        }
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
