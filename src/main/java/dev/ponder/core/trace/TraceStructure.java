package dev.ponder.core.trace;

import dev.ponder.core.answer.AnswerExtractor;
import dev.ponder.core.model.ThinkingSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * A trace taken apart: its thinking split into thoughts at blank lines and at reflection markers that begin
 * a sentence, each with the answer it states, followed by the answer part as one more thought; and how many
 * reflection markers it uses anywhere. The answers along the trace in order are its answer timeline.
 *
 * @param thoughts the thoughts in order
 * @param markers  reflection markers used, anywhere in the thinking
 */
public record TraceStructure(List<Thought> thoughts, int markers) {
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
            List<Integer> cuts = blankLineEnds(text, start, end);
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
        AnswerExtractor.Stated stated = AnswerExtractor.stated(text.substring(from, to));
        thoughts.add(
                new Thought(from, to, opener, stated.answer(), stated.answer() == null ? -1 : from + stated.end()));
    }

    /**
     * Where each blank line in {@code text[start, end)} ends (a line break, spaces or tabs, a line break), read as a
     * pattern would find them one after another; a scan by hand, as every trace of a run goes through here.
     */
    private static List<Integer> blankLineEnds(String text, int start, int end) {
        List<Integer> ends = new ArrayList<>();
        int i = text.indexOf('\n', start);
        while (i >= 0 && i < end) {
            int j = i + 1;
            while (j < end && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (j < end && text.charAt(j) == '\n') {
                ends.add(j + 1);
                i = text.indexOf('\n', j + 1);
            } else {
                i = text.indexOf('\n', i + 1);
            }
        }
        return ends;
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
