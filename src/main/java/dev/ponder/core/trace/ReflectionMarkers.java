package dev.ponder.core.trace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The phrases by which a reasoning model turns back on itself ("Wait", "Alternatively", "Hmm", ...): where a
 * new thought begins, and what is counted as reflection. The list is data the user can edit; phrases match
 * whole words, ignoring case, the longest phrase first where several begin at one place.
 */
public final class ReflectionMarkers {
    /** The phrases Ponder starts with. */
    public static final ReflectionMarkers DEFAULT = new ReflectionMarkers(
            List.of("Wait", "Alternatively", "Hmm", "But let me", "Let me double-check", "Let me verify", "verify"));

    private final List<String> phrases;
    private final String[] longestFirst;
    private final String firstLetters;
    /** For a text character below 128, the phrases that can begin with it, longest first; null where none does. */
    private final String[][] byAsciiFirst = new String[128][];

    public ReflectionMarkers(List<String> phrases) {
        this.phrases = phrases.stream()
                .map(String::strip)
                .filter(phrase -> !phrase.isEmpty())
                .distinct()
                .toList();
        this.longestFirst = this.phrases.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toArray(String[]::new);
        StringBuilder letters = new StringBuilder();
        for (String phrase : longestFirst) {
            char first = phrase.charAt(0); // itself too: a title-case letter (ǅ) is neither its lower nor upper case
            letters.append(first).append(Character.toLowerCase(first)).append(Character.toUpperCase(first));
        }
        this.firstLetters = letters.toString();
        for (char c = 0; c < 128; c++) {
            char letter = c;
            String[] starting = Arrays.stream(longestFirst)
                    .filter(phrase -> firstLetters.indexOf(letter) >= 0
                            && phrase.regionMatches(true, 0, String.valueOf(letter), 0, 1))
                    .toArray(String[]::new);
            byAsciiFirst[c] = starting.length == 0 ? null : starting;
        }
    }

    /** The phrases as the user wrote them, in their order. */
    public List<String> phrases() {
        return phrases;
    }

    /** A marker where it stands in a text: {@code [start, end)}. */
    public record Hit(int start, int end) {}

    /** Every marker in {@code text[from, to)}, in order. */
    public List<Hit> find(String text, int from, int to) {
        List<Hit> hits = new ArrayList<>();
        int i = from;
        while (i < to) {
            int length = matchAt(text, i, to);
            if (length < 0) {
                i++;
            } else {
                hits.add(new Hit(i, i + length));
                i += length;
            }
        }
        return hits;
    }

    /**
     * The length of the phrase that begins at {@code at} as a whole word ending by {@code limit}, or -1.
     * A scan by hand rather than a regular expression: every trace of a run goes through here, and an
     * alternation of case-insensitive phrases tried at every character was most of the time analysis took.
     */
    int matchAt(String text, int at, int limit) {
        char first = text.charAt(at);
        String[] candidates = first < 128 ? byAsciiFirst[first] : firstLetters.indexOf(first) < 0 ? null : longestFirst;
        if (candidates == null || at > 0 && isWordChar(text.charAt(at - 1))) {
            return -1;
        }
        for (String phrase : candidates) {
            int end = at + phrase.length();
            if (end <= limit
                    && startsIgnoringCase(text, at, phrase)
                    && (end == text.length() || !isWordChar(text.charAt(end)))) {
                return phrase.length();
            }
        }
        return -1;
    }

    /**
     * {@code text.regionMatches(true, at, phrase, 0, phrase.length())}, with ASCII compared in line: most words of a
     * trace that begin like a phrase differ from it in their first letters, and the library call costs more than that.
     */
    private static boolean startsIgnoringCase(String text, int at, String phrase) {
        for (int k = 0; k < phrase.length(); k++) {
            char a = text.charAt(at + k);
            char b = phrase.charAt(k);
            if (a >= 128 || b >= 128) {
                return text.regionMatches(true, at + k, phrase, k, phrase.length() - k);
            }
            if (a != b && ((a | 0x20) != (b | 0x20) || (a | 0x20) < 'a' || (a | 0x20) > 'z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c)
                || Character.getType(c) == Character.LETTER_NUMBER
                || Character.getType(c) == Character.OTHER_NUMBER;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReflectionMarkers markers && markers.phrases.equals(phrases);
    }

    @Override
    public int hashCode() {
        return phrases.hashCode();
    }

    @Override
    public String toString() {
        return "ReflectionMarkers" + phrases;
    }

    /** A short fingerprint of the list, so figures computed with another list are not mistaken for these. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", phrases).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
