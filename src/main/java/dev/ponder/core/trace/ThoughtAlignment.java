package dev.ponder.core.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines up the thoughts of two traces for side-by-side reading: a global alignment (Needleman–Wunsch) that keeps
 * both orders and pairs thoughts whose words overlap enough (Jaccard similarity of their word sets at least
 * {@link #MATCH}), maximising the summed similarity; a thought without a partner stands alone on its side.
 */
public final class ThoughtAlignment {
    /** Least word overlap for two thoughts to count as the same step of reasoning. */
    public static final double MATCH = 0.3;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** How the two sides of an aligned row relate. */
    public enum Kind {
        SAME,
        CHANGED,
        LEFT_ONLY,
        RIGHT_ONLY
    }

    /**
     * One row: a thought of each side (index into its list, -1 when absent) and how they relate.
     *
     * @param similarity the word overlap of the pair, 0 for a thought alone
     */
    public record Row(int left, int right, Kind kind, double similarity) {}

    private ThoughtAlignment() {}

    public static List<Row> align(List<String> left, List<String> right) {
        List<Set<String>> a = left.stream().map(ThoughtAlignment::words).toList();
        List<Set<String>> b = right.stream().map(ThoughtAlignment::words).toList();
        int n = a.size();
        int m = b.size();
        double[][] best = new double[n + 1][m + 1];
        double[][] similarity = new double[n][m];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                double s = jaccard(a.get(i), b.get(j));
                similarity[i][j] = s;
                double pair = s >= MATCH ? best[i + 1][j + 1] + s : Double.NEGATIVE_INFINITY;
                best[i][j] = Math.max(pair, Math.max(best[i + 1][j], best[i][j + 1]));
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && similarity[i][j] >= MATCH && best[i][j] == best[i + 1][j + 1] + similarity[i][j]) {
                boolean same = normalised(left.get(i)).equals(normalised(right.get(j)));
                rows.add(new Row(i, j, same ? Kind.SAME : Kind.CHANGED, similarity[i][j]));
                i++;
                j++;
            } else if (j >= m || i < n && best[i][j] == best[i + 1][j]) {
                rows.add(new Row(i++, -1, Kind.LEFT_ONLY, 0));
            } else {
                rows.add(new Row(-1, j++, Kind.RIGHT_ONLY, 0));
            }
        }
        return rows;
    }

    /** The words of a thought in lower case. */
    public static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words.isEmpty() ? Collections.emptySet() : words;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        for (String word : a.size() <= b.size() ? a : b) {
            if ((a.size() <= b.size() ? b : a).contains(word)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
