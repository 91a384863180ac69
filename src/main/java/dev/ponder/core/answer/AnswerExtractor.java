package dev.ponder.core.answer;

import dev.ponder.core.model.ThinkingSplit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final answer in a trace's answer part (docs/methods.md, "Answers" and "Trace structure"): the last {@code \boxed{}} or
 * {@code \fbox{}} with its braces matched, else the text after {@code Final Answer:}, else after
 * {@code The answer is}, else after {@code Answer:}, else a lone multiple-choice letter, else the whole
 * answer part when it is answer-like: one line of at most three words (a bare {@code 303}, {@code x = 4}),
 * so that prose such as "I am not sure." is no answer. A trace cut off inside its thinking has no answer.
 */
public final class AnswerExtractor {
    private static final Pattern FINAL_ANSWER = Pattern.compile("(?i)final answer\\s*[:：]\\s*(.+)");
    private static final Pattern THE_ANSWER_IS = Pattern.compile("(?i)the (?:final )?answer is\\s*[:：]?\\s*(.+)");
    private static final Pattern ANSWER_COLON = Pattern.compile("(?im)^\\s*\\**answer\\**\\s*[:：]\\s*(.+)$");
    private static final Pattern LONE_CHOICE = Pattern.compile("^\\s*\\(?([A-J])\\)?[.)]?\\s*$");
    /** Longest answer part taken whole; longer text without a marked answer is an explanation, not an answer. */
    private static final int WHOLE_ANSWER_LIMIT = 80;

    private static final int WHOLE_ANSWER_WORDS = 3;

    public ExtractedAnswer extract(String text, ThinkingSplit split) {
        if (split.truncated()) {
            return ExtractedAnswer.NONE;
        }
        String answerPart = split.thinking() == null ? text : text.substring(split.answerStart());
        if (answerPart.isBlank()) { // no copy of a whole trace just to find it empty
            return ExtractedAnswer.NONE;
        }
        String answerText = answerPart.strip();
        String boxed = lastBoxed(answerText);
        if (boxed != null) {
            return new ExtractedAnswer(answerText, boxed.strip(), "boxed");
        }
        String found = lastMatch(FINAL_ANSWER, answerText);
        if (found != null) {
            return new ExtractedAnswer(answerText, found, "final-answer");
        }
        found = lastMatch(THE_ANSWER_IS, answerText);
        if (found != null) {
            return new ExtractedAnswer(answerText, found, "the-answer-is");
        }
        found = lastMatch(ANSWER_COLON, answerText);
        if (found != null) {
            return new ExtractedAnswer(answerText, found, "answer-colon");
        }
        Matcher choice = LONE_CHOICE.matcher(answerText);
        if (choice.matches()) {
            return new ExtractedAnswer(answerText, choice.group(1), "choice");
        }
        if (answerText.length() <= WHOLE_ANSWER_LIMIT
                && answerText.indexOf('\n') < 0
                && answerText.split("\\s+").length <= WHOLE_ANSWER_WORDS) {
            String whole = tidy(answerText);
            if (whole != null) {
                return new ExtractedAnswer(answerText, whole, "whole");
            }
        }
        return new ExtractedAnswer(answerText, null, null);
    }

    /** "the answer is 42." inside running text: the value runs to the end of its sentence. */
    static final Pattern STATED = Pattern.compile(
            "(?i)(?:the (?:final )?answer is|final answer\\s*[:：])\\s*[:：]?\\s*(.+?)(?=\\.\\s|\\.$|\\n|$)");

    /** What a stretch of running text states: its answer ({@link #statedIn}) and where that answer ends in it. */
    public record Stated(String answer, int end) {
        static final Stated NONE = new Stated(null, -1);
    }

    /**
     * The answer a stretch of running text states outright (a thought inside the thinking): its last
     * {@code \boxed{}}, else its last "the answer is ..." or "Final Answer: ..." up to the end of that sentence;
     * {@code null} when it states none. Unlike {@link #extract}, a short sentence alone is not taken for an answer.
     */
    public static String statedIn(String fragment) {
        return stated(fragment).answer();
    }

    /**
     * The answer the fragment states ({@link #statedIn}) with where it ends: the end of the last box, or of the last
     * answer sentence; {@link Stated#NONE} when it states none. One look at the fragment: every thought of every
     * trace goes through here when a run's overthinking facts are worked out.
     */
    public static Stated stated(String fragment) {
        int box = lastBoxCommand(fragment);
        String boxed = box < 0 ? null : boxedAt(fragment, box);
        if (boxed != null && !boxed.isBlank()) {
            return new Stated(boxed.strip(), boxEnd(fragment, box));
        }
        if (!mentionsAnswer(fragment)) {
            return Stated.NONE;
        }
        Matcher matcher = STATED.matcher(fragment);
        String last = null;
        int end = -1;
        while (matcher.find()) {
            last = matcher.group(1);
            end = matcher.end();
        }
        String answer = last == null ? null : tidy(last);
        if (answer == null) {
            return Stated.NONE;
        }
        // an empty box still marks where the fragment's answer ends
        return new Stated(answer, boxed != null ? boxEnd(fragment, box) : end);
    }

    /** Whether the word every answer statement uses is there: most thoughts state none, and skip the pattern. */
    private static boolean mentionsAnswer(String fragment) {
        for (int i = 0; i + 6 <= fragment.length(); i++) {
            char c = fragment.charAt(i);
            if ((c == 'a' || c == 'A') && fragment.regionMatches(true, i, "answer", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    /** The end of the box command at {@code box}: after its matched braces, else at the end of its line. */
    private static int boxEnd(String fragment, int box) {
        int depth = 0;
        for (int i = fragment.indexOf('{', box); i >= 0 && i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        int line = fragment.indexOf('\n', box);
        return line < 0 ? fragment.length() : line;
    }

    /**
     * The content of the last {@code \boxed{...}} (or {@code \fbox{...}}) with nested braces matched, or of
     * {@code \boxed 5} (up to a dollar sign or the end of the line); {@code null} when there is none or its
     * braces never close.
     */
    public static String lastBoxed(String text) {
        int at = lastBoxCommand(text);
        return at < 0 ? null : boxedAt(text, at);
    }

    /** Where the last {@code \boxed} or {@code \fbox} begins, or -1: one scan back over the text. */
    private static int lastBoxCommand(String text) {
        for (int at = text.lastIndexOf('\\'); at >= 0; at = text.lastIndexOf('\\', at - 1)) {
            if (text.startsWith("boxed", at + 1) || text.startsWith("fbox", at + 1)) {
                return at;
            }
        }
        return -1;
    }

    /** The content of the box command at {@code at}, as {@link #lastBoxed} reads it. */
    private static String boxedAt(String text, int at) {
        int afterCommand = at + (text.startsWith("boxed", at + 1) ? "\\boxed".length() : "\\fbox".length());
        if (afterCommand < text.length() && text.charAt(afterCommand) == ' ') {
            int end = afterCommand + 1;
            while (end < text.length() && text.charAt(end) != '$' && text.charAt(end) != '\n') {
                end++;
            }
            String content = text.substring(afterCommand + 1, end).strip();
            return content.isEmpty() ? null : content;
        }
        int open = afterCommand;
        while (open < text.length() && Character.isWhitespace(text.charAt(open))) {
            open++;
        }
        if (open >= text.length() || text.charAt(open) != '{') {
            return null;
        }
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return text.substring(open + 1, i);
                }
            }
        }
        return null;
    }

    private static String lastMatch(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last == null ? null : tidy(firstLine(last));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Drops surrounding dollar signs, bold markers and a closing full stop: "$42$." reads as 42. */
    static String tidy(String answer) {
        String s = answer.strip();
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            if (s.endsWith(".") && !s.endsWith("..")) {
                s = s.substring(0, s.length() - 1).strip();
                changed = true;
            }
            if (s.length() >= 2 && s.startsWith("$") && s.endsWith("$")) {
                s = s.substring(1, s.length() - 1).strip();
                changed = true;
            }
            if (s.length() >= 4 && s.startsWith("**") && s.endsWith("**")) {
                s = s.substring(2, s.length() - 2).strip();
                changed = true;
            }
        }
        return s.isEmpty() ? null : s;
    }
}
