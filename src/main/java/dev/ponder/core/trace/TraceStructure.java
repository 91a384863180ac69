package dev.ponder.core.trace;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.model.ThinkingSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trace taken apart: its thinking split into thoughts at blank lines and at reflection markers that begin
 * a sentence, each with the answer it states, followed by the answer part as one more thought; and how many
 * reflection markers it uses anywhere. The answers along the trace in order are its answer timeline.
 *
 * @param thoughts the thoughts in order
 * @param markers  reflection markers used, anywhere in the thinking
 */
public record TraceStructure(List<Thought> thoughts, int markers) {
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

    public TraceStructure {
        thoughts = List.copyOf(thoughts);
    }

    /** The thoughts that state an answer, in order: the answer timeline. */
    public List<Thought> answers() {
        return thoughts.stream().filter(thought -> thought.answer() != null).toList();
    }

    /** Takes a trace apart with these markers. */
    public static TraceStructure of(String text, ThinkingSplit split, ReflectionMarkers markers) {
        List<Thought> thoughts = new ArrayList<>();
        int markerCount = 0;
        if (split.thinking() != null) {
            int start = split.thinking().start();
            int end = split.thinking().end();
            List<Integer> cuts = new ArrayList<>();
            Matcher blank = BLANK_LINE.matcher(text).region(start, end);
            while (blank.find()) {
                cuts.add(blank.end());
            }
            int i = start;
            while (i < end) {
                int length = markers.matchAt(text, i, end);
                if (length < 0) {
                    i++;
                    continue;
                }
                markerCount++;
                if (beginsSentence(text, i, start)) {
                    cuts.add(i);
                }
                i += length;
            }
            cuts.sort(null);
            int from = start;
            for (int cut : cuts) {
                if (cut > from) {
                    addThought(thoughts, text, from, cut, markers);
                    from = cut;
                }
            }
            if (end > from) {
                addThought(thoughts, text, from, end, markers);
            }
        }
        int answerStart = split.thinking() == null ? 0 : split.answerStart();
        if (!split.truncated()
                && answerStart < text.length()
                && !text.substring(answerStart).isBlank()) {
            addThought(thoughts, text, answerStart, text.length(), null);
        }
        return new TraceStructure(thoughts, markerCount);
    }

    private static void addThought(List<Thought> thoughts, String text, int from, int to, ReflectionMarkers markers) {
        int firstText = from;
        while (firstText < to && Character.isWhitespace(text.charAt(firstText))) {
            firstText++;
        }
        if (firstText == to) {
            return;
        }
        String opener = null;
        if (markers != null) {
            int length = markers.matchAt(text, firstText, to);
            if (length > 0) {
                opener = text.substring(firstText, firstText + length);
            }
        }
        String fragment = text.substring(from, to);
        String answer = AnswerExtractor.statedIn(fragment);
        int answerEnd = answer == null ? -1 : from + AnswerExtractor.statedEnd(fragment);
        thoughts.add(new Thought(from, to, opener, answer, answerEnd));
    }

    /** At the start of the thinking, of a line, or after a sentence's end. */
    private static boolean beginsSentence(String text, int at, int thinkingStart) {
        int i = at - 1;
        while (i >= thinkingStart && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        if (i < thinkingStart) {
            return true;
        }
        char before = text.charAt(i);
        return before == '\n'
                || before == '.'
                || before == '!'
                || before == '?'
                || before == ')' && i > 0 && text.charAt(i - 1) == '.';
    }
}
