package dev.ponder.core.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding text in a trace: every occurrence of what was typed, and where a search-index phrase hit lies. */
public final class TextFind {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private TextFind() {}

    /** Every occurrence of {@code query} in {@code text}, ignoring case, in order and not overlapping. */
    public static List<ReflectionMarkers.Hit> all(String text, String query) {
        List<ReflectionMarkers.Hit> hits = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return hits;
        }
        String haystack = text.toLowerCase(Locale.ROOT);
        String needle = query.toLowerCase(Locale.ROOT);
        if (haystack.length() != text.length() || needle.length() != query.length()) {
            // Lower-casing changed lengths (rare scripts): match region by region instead.
            for (int i = 0; i + query.length() <= text.length(); i++) {
                if (text.regionMatches(true, i, query, 0, query.length())) {
                    hits.add(new ReflectionMarkers.Hit(i, i + query.length()));
                    i += query.length() - 1;
                }
            }
            return hits;
        }
        int at = haystack.indexOf(needle);
        while (at >= 0) {
            hits.add(new ReflectionMarkers.Hit(at, at + needle.length()));
            at = haystack.indexOf(needle, at + needle.length());
        }
        return hits;
    }

    /**
     * The first place the words of a search phrase stand in the text as the full-text index reads it: the same
     * words in order, ignoring case and whatever punctuation or spacing lies between them; {@code null} if absent.
     */
    public static ReflectionMarkers.Hit phrase(String text, String phrase) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(phrase);
        while (word.find()) {
            words.add(Pattern.quote(word.group()));
        }
        if (words.isEmpty()) {
            return null;
        }
        Matcher matcher = Pattern.compile(
                        "(?<![\\p{L}\\p{N}_])" + String.join("[^\\p{L}\\p{N}_]+", words),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text);
        return matcher.find() ? new ReflectionMarkers.Hit(matcher.start(), matcher.end()) : null;
    }
}
