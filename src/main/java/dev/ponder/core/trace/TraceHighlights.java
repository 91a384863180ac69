package dev.ponder.core.trace;

import dev.ponder.core.model.Segment;
import dev.ponder.core.model.ThinkingSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trace's highlighting as consecutive runs of text, each with the style names that apply to it: thinking or
 * answer part, reflection markers, stated answers by verdict, the first correct one and the tokens spent after it,
 * and text a strategy inserted. Runs cover the whole text in order, so a text view can apply them in one pass.
 */
public final class TraceHighlights {
    public static final String THINKING = "thinking";
    public static final String ANSWER_PART = "answer-part";
    public static final String MARKER = "marker";
    public static final String ANSWER_RIGHT = "answer-right";
    public static final String ANSWER_WRONG = "answer-wrong";
    public static final String ANSWER_UNGRADED = "answer-ungraded";
    public static final String FIRST_CORRECT = "first-correct";
    public static final String AFTER_FIRST_CORRECT = "after-first-correct";
    public static final String INSERTED = "inserted";
    public static final String FIND_MATCH = "find-match";

    /** A stretch of text and its style names. */
    public record Run(int length, Set<String> styles) {}

    private record Layer(int start, int end, String style) {}

    private TraceHighlights() {}

    /** The runs of a read trace, with the given find matches ({@code [start, end)} pairs) marked too. */
    public static List<Run> of(TraceReading reading, List<ReflectionMarkers.Hit> findMatches) {
        List<Layer> layers = new ArrayList<>();
        ThinkingSplit split = reading.split();
        int length = reading.text().length();
        if (split.thinking() != null) {
            layers.add(new Layer(split.thinking().start(), split.thinking().end(), THINKING));
            if (split.closed() && split.answerStart() < length) {
                layers.add(new Layer(split.answerStart(), length, ANSWER_PART));
            }
        }
        reading.markers().forEach(hit -> layers.add(new Layer(hit.start(), hit.end(), MARKER)));
        List<AnswerTimeline.Entry> entries = reading.timeline().entries();
        for (int i = 0; i < entries.size(); i++) {
            Boolean verdict = entries.get(i).correct();
            ReflectionMarkers.Hit at = reading.statements().get(i);
            layers.add(new Layer(
                    at.start(), at.end(), verdict == null ? ANSWER_UNGRADED : verdict ? ANSWER_RIGHT : ANSWER_WRONG));
        }
        for (TraceReading.GradedStatement stated : reading.alsoStated()) {
            Boolean verdict = stated.correct();
            layers.add(new Layer(
                    stated.start(),
                    stated.end(),
                    verdict == null ? ANSWER_UNGRADED : verdict ? ANSWER_RIGHT : ANSWER_WRONG));
        }
        int first = reading.firstCorrect();
        if (first >= 0) {
            ReflectionMarkers.Hit at = reading.statements().get(first);
            layers.add(new Layer(at.start(), at.end(), FIRST_CORRECT));
            layers.add(new Layer(reading.firstCorrectEnd(), reading.afterFirstCorrectEnd(), AFTER_FIRST_CORRECT));
        }
        for (Segment segment : reading.segments()) {
            layers.add(new Layer(segment.charStart(), segment.charEnd(), INSERTED));
        }
        findMatches.forEach(hit -> layers.add(new Layer(hit.start(), hit.end(), FIND_MATCH)));
        return sweep(layers, length);
    }

    /** Cuts the text at every layer's ends and gives each piece the styles of the layers covering it. */
    private static List<Run> sweep(List<Layer> layers, int length) {
        int[] cuts = new int[layers.size() * 2 + 2];
        int n = 0;
        cuts[n++] = 0;
        cuts[n++] = length;
        List<Layer> clipped = new ArrayList<>();
        for (Layer layer : layers) {
            int start = Math.max(0, Math.min(layer.start, length));
            int end = Math.max(start, Math.min(layer.end, length));
            if (end > start) {
                clipped.add(new Layer(start, end, layer.style));
                cuts[n++] = start;
                cuts[n++] = end;
            }
        }
        cuts = Arrays.stream(cuts, 0, n).sorted().distinct().toArray();
        clipped.sort(Comparator.comparingInt(Layer::start));
        List<Run> runs = new ArrayList<>();
        List<Layer> open = new ArrayList<>();
        int next = 0;
        for (int c = 0; c + 1 < cuts.length; c++) {
            int from = cuts[c];
            while (next < clipped.size() && clipped.get(next).start <= from) {
                open.add(clipped.get(next++));
            }
            open.removeIf(layer -> layer.end <= from);
            Set<String> styles = new TreeSet<>();
            open.forEach(layer -> styles.add(layer.style));
            Set<String> fixed = Set.copyOf(styles);
            int runLength = cuts[c + 1] - from;
            if (!runs.isEmpty() && runs.get(runs.size() - 1).styles().equals(fixed)) {
                Run last = runs.remove(runs.size() - 1);
                runs.add(new Run(last.length() + runLength, fixed));
            } else {
                runs.add(new Run(runLength, fixed));
            }
        }
        return runs;
    }
}
