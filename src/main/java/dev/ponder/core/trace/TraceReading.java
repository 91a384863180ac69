package dev.ponder.core.trace;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.StatedAnswers;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.ThinkingSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * One trace read for the inspector: where its thinking and answer parts lie, its reflection markers, the answers
 * it states along the way with their verdicts (its answer timeline), the first correct one, the text a strategy
 * inserted, and its process-reward steps. Computed off the UI thread, once per opened sample.
 *
 * @param text      the sample's text
 * @param split     where thinking and answer lie
 * @param structure its thoughts
 * @param markers   every reflection marker in the thinking
 * @param timeline  the stated answers in order, token positions from the sample's count (else characters)
 * @param statements where each timeline entry's answer stands in the text, in the timeline's order
 * @param steps     process-reward steps, if the run has them
 * @param segments  text a strategy inserted or forced
 * @param alsoStated the answers a thought states before its last one (the timeline keeps one per thought), graded
 */
public record TraceReading(
        String text,
        ThinkingSplit split,
        TraceStructure structure,
        List<ReflectionMarkers.Hit> markers,
        AnswerTimeline timeline,
        List<ReflectionMarkers.Hit> statements,
        List<Step> steps,
        List<Segment> segments,
        List<GradedStatement> alsoStated) {

    /** An answer stated in the text, where it stands and its verdict ({@code null} without a gold answer). */
    public record GradedStatement(int start, int end, Boolean correct) {}

    public TraceReading {
        markers = List.copyOf(markers);
        statements = List.copyOf(statements);
        steps = List.copyOf(steps);
        segments = List.copyOf(segments);
        alsoStated = List.copyOf(alsoStated);
    }

    /** Reads a sample with the run's grader, the problem's gold answer (may be null) and these markers. */
    public static TraceReading of(
            Sample sample,
            String gold,
            Grader grader,
            ReflectionMarkers markers,
            List<Step> steps,
            List<Segment> segments) {
        String text = sample.text();
        ThinkingSplit split = new ThinkingSplitter().split(text, sample.thinking(), sample.truncated());
        TraceStructure structure = TraceStructure.of(text, split, markers);
        List<ReflectionMarkers.Hit> hits = split.thinking() == null
                ? List.of()
                : markers.find(text, split.thinking().start(), split.thinking().end());
        int tokens = tokensOf(sample);
        AnswerTimeline timeline = AnswerTimeline.of(structure, text.length(), tokens, gold, grader);
        List<ReflectionMarkers.Hit> statements = new ArrayList<>();
        for (AnswerTimeline.Entry entry : timeline.entries()) {
            Thought thought = structure.thoughts().get(entry.thought());
            statements.add(statement(text, thought, entry.answer(), entry.charEnd()));
        }
        List<GradedStatement> alsoStated = new ArrayList<>();
        for (Thought thought : structure.thoughts()) {
            for (StatedAnswers.Stated stated : StatedAnswers.in(text, thought.start(), thought.end())) {
                boolean counted =
                        statements.stream().anyMatch(at -> at.start() < stated.end() && stated.start() < at.end());
                if (!counted) {
                    alsoStated.add(new GradedStatement(
                            stated.start(), stated.end(), gold == null ? null : grader.grade(stated.answer(), gold)));
                }
            }
        }
        return new TraceReading(text, split, structure, hits, timeline, statements, steps, segments, alsoStated);
    }

    /** The sample's tokens (all, else thinking), else its characters: positions then read in characters. */
    static int tokensOf(Sample sample) {
        if (sample.tokens().total() != null) {
            return sample.tokens().total();
        }
        return sample.tokens().thinking() != null
                ? sample.tokens().thinking()
                : sample.text().length();
    }

    /** Whether the timeline's positions are token counts rather than characters. */
    public boolean countsTokens(Sample sample) {
        return sample.tokens().total() != null || sample.tokens().thinking() != null;
    }

    /** The first correct stated answer's index in the timeline, or -1. */
    public int firstCorrect() {
        return timeline.firstCorrect();
    }

    /** Where the first correct answer's statement ends in the text, or -1 when none is correct. */
    public int firstCorrectEnd() {
        int first = timeline.firstCorrect();
        return first < 0 ? -1 : timeline.entries().get(first).charEnd();
    }

    /** Where the stretch after the first correct answer ends: the end of the thinking, else of the text. */
    public int afterFirstCorrectEnd() {
        return split.thinking() != null && split.thinking().end() >= firstCorrectEnd()
                ? split.thinking().end()
                : text.length();
    }

    /** The answer value within its statement: its last occurrence before the statement's end, else the end itself. */
    private static ReflectionMarkers.Hit statement(String text, Thought thought, String answer, int end) {
        int clippedEnd = Math.min(Math.max(end, thought.start()), text.length());
        int at = text.lastIndexOf(answer, clippedEnd - answer.length());
        if (at >= thought.start() && !answer.isEmpty()) {
            return new ReflectionMarkers.Hit(at, at + answer.length());
        }
        return new ReflectionMarkers.Hit(Math.max(thought.start(), clippedEnd - 1), clippedEnd);
    }
}
