package dev.ponder.core.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Every answer a stretch of text states, where it stands: each {@code \boxed{...}} (or {@code \fbox}) and each "the
 * answer is ..." or "Final Answer: ..." sentence, in order. The trace inspector colours them all; the analyses count
 * one answer per thought (its last, {@link AnswerExtractor#statedIn}).
 */
public final class StatedAnswers {
    private StatedAnswers() {}

    /** One stated answer: its text and where that text stands. */
    public record Stated(String answer, int start, int end) {}

    /** The answers stated in {@code text} between {@code from} and {@code to}, in order of where they stand. */
    public static List<Stated> in(String text, int from, int to) {
        String part = text.substring(from, to);
        List<Stated> found = new ArrayList<>();
        for (String command : List.of("\\boxed", "\\fbox")) {
            for (int at = part.indexOf(command); at >= 0; at = part.indexOf(command, at + 1)) {
                int open = at + command.length();
                while (open < part.length() && Character.isWhitespace(part.charAt(open))) {
                    open++;
                }
                int close = closing(part, open);
                if (close > open + 1) {
                    found.add(new Stated(part.substring(open + 1, close).strip(), from + open + 1, from + close));
                }
            }
        }
        if (part.toLowerCase(java.util.Locale.ROOT).contains("answer")) {
            Matcher sentence = AnswerExtractor.STATED.matcher(part);
            while (sentence.find()) {
                String answer = AnswerExtractor.tidy(sentence.group(1));
                if (!answer.isBlank() && !answer.contains("\\boxed")) {
                    found.add(new Stated(answer, from + sentence.start(1), from + sentence.end(1)));
                }
            }
        }
        found.sort(Comparator.comparingInt(Stated::start));
        return found;
    }

    /** The brace closing the one at {@code open}, or -1 when there is none there or it never closes. */
    private static int closing(String text, int open) {
        if (open >= text.length() || text.charAt(open) != '{') {
            return -1;
        }
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
