package dev.ponder.core.trace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The phrases by which a reasoning model turns back on itself ("Wait", "Alternatively", "Hmm", ...): where a
 * new thought begins, and what is counted as reflection. The list is data the user can edit; phrases match
 * whole words, ignoring case.
 */
public record ReflectionMarkers(List<String> phrases) {
    /** The phrases Ponder starts with. */
    public static final ReflectionMarkers DEFAULT = new ReflectionMarkers(List.of("Wait", "Alternatively", "Hmm",
            "But let me", "Let me double-check", "Let me verify", "verify"));

    public ReflectionMarkers {
        phrases = phrases.stream().map(String::strip).filter(phrase -> !phrase.isEmpty()).distinct().toList();
    }

    /** Any of the phrases as a whole word, ignoring case. */
    Pattern pattern() {
        if (phrases.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        String alternatives = phrases.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    /** A short fingerprint of the list, so figures computed with another list are not mistaken for these. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", phrases)
                    .toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
