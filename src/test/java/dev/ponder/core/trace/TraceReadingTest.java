package dev.ponder.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.Answer;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.TokenCounts;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceReadingTest {
    private static final String TEXT =
            "<think>\n12 plus 30. So the answer is 32.\n\nWait, 12 + 30 is 42. So the answer "
                    + "is 42.\n\nHmm, let me double-check: 30 + 12 = 42.\n</think>\n\n\\boxed{42}";

    private static Sample sample(String text, Integer tokens) {
        return new Sample(
                7,
                1,
                1,
                0,
                0,
                text,
                null,
                false,
                new Answer("\\boxed{42}", "42", "42"),
                true,
                new TokenCounts(tokens, null, false),
                "stop",
                null,
                null,
                null,
                null);
    }

    @Test
    void readsTheAnswersAlongTheTraceAndTheFirstCorrectOne() {
        int wait = TEXT.indexOf("Wait");
        TraceReading reading = TraceReading.of(
                sample(TEXT, 100),
                "42",
                Graders.MATH,
                ReflectionMarkers.DEFAULT,
                List.of(new Step(0, 8, 40, 0.3)),
                List.of(new Segment(0, SegmentKind.INJECTED_WAIT, wait, wait + 4, null)));

        assertThat(reading.timeline().entries())
                .extracting(AnswerTimeline.Entry::answer)
                .containsExactly("32", "42", "42");
        assertThat(reading.timeline().entries())
                .extracting(AnswerTimeline.Entry::correct)
                .containsExactly(false, true, true);
        assertThat(reading.firstCorrect()).isEqualTo(1);
        int firstCorrectEnd = TEXT.indexOf("answer is 42.") + "answer is 42".length();
        assertThat(reading.firstCorrectEnd()).isEqualTo(firstCorrectEnd);
        assertThat(reading.afterFirstCorrectEnd()).isEqualTo(TEXT.indexOf("</think>"));
        assertThat(reading.statements().get(0).start()).isEqualTo(TEXT.indexOf("32"));
        assertThat(reading.markers())
                .extracting(ReflectionMarkers.Hit::start)
                .containsExactly(wait, TEXT.indexOf("Hmm"), TEXT.indexOf("let me double-check"));
        assertThat(reading.countsTokens(sample(TEXT, 100))).isTrue();
        assertThat(reading.countsTokens(sample(TEXT, null))).isFalse();
    }

    @Test
    void highlightsCoverTheTextWithTheStylesOfEveryLayer() {
        int wait = TEXT.indexOf("Wait");
        TraceReading reading = TraceReading.of(
                sample(TEXT, 100),
                "42",
                Graders.MATH,
                ReflectionMarkers.DEFAULT,
                List.of(),
                List.of(new Segment(0, SegmentKind.INJECTED_WAIT, wait, wait + 4, null)));
        List<TraceHighlights.Run> runs = TraceHighlights.of(reading, TextFind.all(TEXT, "double"));

        assertThat(runs.stream().mapToInt(TraceHighlights.Run::length).sum()).isEqualTo(TEXT.length());
        assertThat(stylesAt(runs, 0)).isEmpty();
        assertThat(stylesAt(runs, TEXT.indexOf("12 plus"))).containsExactly(TraceHighlights.THINKING);
        assertThat(stylesAt(runs, TEXT.indexOf("32")))
                .containsExactlyInAnyOrder(TraceHighlights.THINKING, TraceHighlights.ANSWER_WRONG);
        assertThat(stylesAt(runs, wait))
                .containsExactlyInAnyOrder(TraceHighlights.THINKING, TraceHighlights.MARKER, TraceHighlights.INSERTED);
        int firstCorrect = TEXT.indexOf("answer is 42.") + "answer is ".length();
        assertThat(stylesAt(runs, firstCorrect))
                .containsExactlyInAnyOrder(
                        TraceHighlights.THINKING, TraceHighlights.ANSWER_RIGHT, TraceHighlights.FIRST_CORRECT);
        assertThat(stylesAt(runs, TEXT.indexOf("Hmm") - 2))
                .containsExactlyInAnyOrder(TraceHighlights.THINKING, TraceHighlights.AFTER_FIRST_CORRECT);
        assertThat(stylesAt(runs, TEXT.indexOf("double"))).contains(TraceHighlights.FIND_MATCH, TraceHighlights.MARKER);
        assertThat(stylesAt(runs, TEXT.indexOf("\\boxed"))).containsExactly(TraceHighlights.ANSWER_PART);
        assertThat(stylesAt(runs, TEXT.length() - 2))
                .containsExactlyInAnyOrder(TraceHighlights.ANSWER_PART, TraceHighlights.ANSWER_RIGHT);
    }

    @Test
    void aTraceWithNoCorrectAnswerHasNoFirstCorrectRegion() {
        TraceReading reading =
                TraceReading.of(sample(TEXT, 100), "7", Graders.MATH, ReflectionMarkers.DEFAULT, List.of(), List.of());
        assertThat(reading.firstCorrect()).isEqualTo(-1);
        List<TraceHighlights.Run> runs = TraceHighlights.of(reading, List.of());
        assertThat(runs)
                .noneMatch(run -> run.styles().contains(TraceHighlights.AFTER_FIRST_CORRECT)
                        || run.styles().contains(TraceHighlights.FIRST_CORRECT));
    }

    private static Set<String> stylesAt(List<TraceHighlights.Run> runs, int offset) {
        int at = 0;
        for (TraceHighlights.Run run : runs) {
            if (offset < at + run.length()) {
                return run.styles();
            }
            at += run.length();
        }
        throw new AssertionError("offset " + offset + " lies beyond the runs");
    }

    /** A thought that states two answers has both coloured by verdict; the analyses still count its last. */
    @Test
    void everyAnswerAThoughtStatesIsColoured() {
        String text = "<think>\nIt is \\boxed{32}, no wait, it is \\boxed{42}.\n</think>\n\n\\boxed{42}";
        TraceReading reading =
                TraceReading.of(sample(text, 40), "42", Graders.MATH, ReflectionMarkers.DEFAULT, List.of(), List.of());
        int wrong = text.indexOf("32");
        assertThat(reading.alsoStated())
                .singleElement()
                .isEqualTo(new TraceReading.GradedStatement(wrong, wrong + 2, false));
        List<TraceHighlights.Run> runs = TraceHighlights.of(reading, List.of());
        int at = 0;
        Set<String> stylesOf32 = null;
        for (TraceHighlights.Run run : runs) {
            if (at <= wrong && wrong < at + run.length()) {
                stylesOf32 = run.styles();
            }
            at += run.length();
        }
        assertThat(stylesOf32).contains(TraceHighlights.ANSWER_WRONG);
        assertThat(reading.timeline().entries())
                .as("one answer per thought for the analyses")
                .extracting(AnswerTimeline.Entry::answer)
                .containsExactly("42", "42");
    }
}
