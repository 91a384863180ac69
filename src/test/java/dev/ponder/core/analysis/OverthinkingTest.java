package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.answer.Graders;
import dev.ponder.core.trace.AnswerTimeline;
import dev.ponder.core.trace.ReflectionMarkers;
import dev.ponder.core.trace.ThinkingSplitter;
import dev.ponder.core.trace.TraceStructure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outcome and process efficiency on traces annotated by hand (one token per character, so positions are offsets). */
class OverthinkingTest {
    private static final String TRACE = """
            <think>
            Let me compute 2+3. 2+3 = 5. So the answer is 5.

            Wait, let me double-check. 2 plus 3 is 5. The answer is 5.

            Hmm, maybe it's 6? The answer is 6. Alternatively, count on fingers: 5. So the answer is $\\boxed{5}$.
            </think>
            The answer is \\boxed{5}.""";

    private static SampleEfficiency efficiency(String text, String gold) {
        TraceStructure structure =
                TraceStructure.of(text, new ThinkingSplitter().split(text), ReflectionMarkers.DEFAULT);
        return SampleEfficiency.of(structure, text.length(), text.length(), gold, Graders.MATH);
    }

    @Test
    void anOverthoughtTraceSolvesEarlyAndKeepsGoing() {
        SampleEfficiency sample = efficiency(TRACE, "5");
        int firstEnd = TRACE.indexOf("answer is 5.") + "answer is 5".length();
        int secondEnd = TRACE.indexOf("The answer is 5.") + "The answer is 5".length();
        int thirdEnd = TRACE.indexOf("answer is 6.") + "answer is 6".length();
        assertThat(sample.tokens()).isEqualTo(TRACE.length());
        assertThat(sample.firstCorrectAt()).isEqualTo(firstEnd);
        // new answers: "5" in the first solution, "6" in the third
        assertThat(sample.distinctTokens()).isEqualTo(firstEnd + (thirdEnd - secondEnd));
        assertThat(sample.solutions()).isEqualTo(5);
        assertThat(sample.thoughts()).isEqualTo(5);
        assertThat(sample.markers()).isEqualTo(4);
        // 5, 5, 6, 5, 5: one turn to wrong, one back
        assertThat(sample.flipsToWrong()).isEqualTo(1);
        assertThat(sample.flipsToRight()).isEqualTo(1);
    }

    @Test
    void theAnswerTimelineListsEachStatedAnswerWithItsPositionAndVerdict() {
        TraceStructure structure =
                TraceStructure.of(TRACE, new ThinkingSplitter().split(TRACE), ReflectionMarkers.DEFAULT);
        // Two characters per token: positions halve.
        AnswerTimeline timeline = AnswerTimeline.of(structure, TRACE.length(), TRACE.length() / 2, "5", Graders.MATH);
        assertThat(timeline.entries())
                .extracting(AnswerTimeline.Entry::answer)
                .containsExactly("5", "5", "6", "5", "5");
        assertThat(timeline.entries())
                .extracting(AnswerTimeline.Entry::correct)
                .containsExactly(true, true, false, true, true);
        assertThat(timeline.entries()).extracting(AnswerTimeline.Entry::thought).containsExactly(0, 1, 2, 3, 4);
        int firstEnd = TRACE.indexOf("answer is 5.") + "answer is 5".length();
        assertThat(timeline.entries().get(0).charEnd()).isEqualTo(firstEnd);
        assertThat(timeline.entries().get(0).tokenEnd())
                .isEqualTo(Math.round(firstEnd * (TRACE.length() / 2) / (float) TRACE.length()));
        assertThat(timeline.firstCorrect()).isZero();
        assertThat(timeline.tokensAfterFirstCorrect())
                .isEqualTo(TRACE.length() / 2 - timeline.entries().get(0).tokenEnd());
        assertThat(AnswerTimeline.of(structure, TRACE.length(), 100, "7", Graders.MATH)
                        .tokensAfterFirstCorrect())
                .isEqualTo(-1);
    }

    @Test
    void aWrongTraceHasNoOutcomeEfficiency() {
        SampleEfficiency sample = efficiency(TRACE, "6");
        assertThat(sample.firstCorrectAt()).isEqualTo(TRACE.indexOf("answer is 6.") + "answer is 6".length());
        SampleEfficiency never = efficiency(TRACE, "7");
        assertThat(never.firstCorrectAt()).isEqualTo(-1);
        assertThat(never.flipsToWrong() + never.flipsToRight()).isZero();
    }

    @Test
    void runFiguresAverageOverSamples() {
        SampleEfficiency early = new SampleEfficiency(1000, 250, 400, 8, 6, 4, 1, 1);
        SampleEfficiency wrong = new SampleEfficiency(500, -1, 500, 3, 1, 2, 0, 0);
        SampleEfficiency uncounted = new SampleEfficiency(0, -1, 0, 1, 0, 0, 0, 0);
        Overthinking run = Overthinking.of(List.of(early, wrong, uncounted));
        assertThat(run.samples()).isEqualTo(2);
        assertThat(run.outcomeEfficiency()).isCloseTo((0.25 + 0) / 2, within(1e-15));
        assertThat(run.processEfficiency()).isCloseTo((0.4 + 1.0) / 2, within(1e-15));
        assertThat(run.solvedShare()).isEqualTo(0.5);
        assertThat(run.tokensAfterFirstCorrect()).isEqualTo(750.0);
        assertThat(run.meanThoughts()).isEqualTo(5.5);
        assertThat(run.markersPerThousandTokens()).isCloseTo(7 * 1000.0 / 1500, within(1e-12));
        assertThat(run.flipsToWrong()).isEqualTo(1);
        assertThat(run.samplesWithFlips()).isEqualTo(1);
    }
}
