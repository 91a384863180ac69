package dev.ponder.core.tree;

import dev.ponder.core.model.Segment;
import dev.ponder.core.model.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sample cut into the steps its prefix tree merges on: the file's PRM steps where it has them (their scores
 * kept), else paragraphs (blank-line steps, search-and-learn's convention). Forced edits of a replay (an
 * injected "Wait", a closed thinking) always start a step of their own, so budget-forced traces part where the
 * forcing happened.
 *
 * @param texts  the steps' texts, stripped, none empty
 * @param scores each step's PRM score, or {@code null}
 */
public record TraceSteps(List<String> texts, List<Double> scores) {
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");

    public TraceSteps {
        texts = List.copyOf(texts);
        scores = java.util.Collections.unmodifiableList(new ArrayList<>(scores));
        if (texts.size() != scores.size()) {
            throw new IllegalArgumentException("one score (or null) per step");
        }
    }

    public static TraceSteps of(String text, List<Step> steps, List<Segment> segments) {
        List<String> texts = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        if (!steps.isEmpty()) {
            for (Step step : steps) {
                int start = Math.min(step.charStart(), text.length());
                int end = Math.min(step.charEnd(), text.length());
                String piece = text.substring(start, end).strip();
                if (!piece.isEmpty()) {
                    texts.add(piece);
                    scores.add(step.score());
                }
            }
            return new TraceSteps(texts, scores);
        }
        TreeSet<Integer> cuts = new TreeSet<>();
        Matcher blank = BLANK_LINE.matcher(text);
        while (blank.find()) {
            cuts.add(blank.end());
        }
        for (Segment segment : segments) {
            cuts.add(Math.min(segment.charStart(), text.length()));
            cuts.add(Math.min(segment.charEnd(), text.length()));
        }
        cuts.add(text.length());
        int from = 0;
        for (int cut : cuts) {
            if (cut <= from) {
                continue;
            }
            String piece = text.substring(from, cut).strip();
            if (!piece.isEmpty()) {
                texts.add(piece);
                scores.add(null);
            }
            from = cut;
        }
        return new TraceSteps(texts, scores);
    }
}
