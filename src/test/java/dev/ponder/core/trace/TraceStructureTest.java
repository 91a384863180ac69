package dev.ponder.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Thoughts, markers and the answer timeline of traces annotated by hand. */
class TraceStructureTest {
    static final String TRACE = """
            <think>
            Let me compute 2+3. 2+3 = 5. So the answer is 5.

            Wait, let me double-check. 2 plus 3 is 5. The answer is 5.

            Hmm, maybe it's 6? The answer is 6. Alternatively, count on fingers: 5. So the answer is $\\boxed{5}$.
            </think>
            The answer is \\boxed{5}.""";

    private static TraceStructure structure(String text) {
        return TraceStructure.of(text, new ThinkingSplitter().split(text), ReflectionMarkers.DEFAULT);
    }

    @Test
    void splitsTheThinkingAtBlankLinesAndAtMarkersThatBeginASentence() {
        TraceStructure trace = structure(TRACE);
        List<Thought> thoughts = trace.thoughts();
        assertThat(thoughts).hasSize(5);
        assertThat(thoughts).extracting(Thought::marker).containsExactly(null, "Wait", "Hmm", "Alternatively", null);
        assertThat(TRACE.substring(thoughts.get(3).start(), thoughts.get(3).end()))
                .startsWith("Alternatively, count");
        // "Wait", "let me double-check", "Hmm", "Alternatively": markers inside sentences count but do not cut
        assertThat(trace.markers()).isEqualTo(4);
    }

    @Test
    void findsTheAnswerEachThoughtStates() {
        TraceStructure trace = structure(TRACE);
        assertThat(trace.answers()).extracting(Thought::answer).containsExactly("5", "5", "6", "5", "5");
        Thought first = trace.thoughts().get(0);
        assertThat(first.answerEnd()).isEqualTo(TRACE.indexOf("answer is 5.") + "answer is 5".length());
        Thought boxed = trace.thoughts().get(3);
        assertThat(boxed.answerEnd()).isEqualTo(TRACE.indexOf("{5}$") + "{5}".length());
    }

    @Test
    void aBlankLineMayHoldSpacesAndTabsAndRunsOfBreaksCutOnce() {
        String text = "<think>\nOne.\n \t\nTwo.\n\n\nThree.\n x\nstill three.</think>\n4";
        TraceStructure trace = structure(text);
        assertThat(trace.thoughts())
                .extracting(thought ->
                        text.substring(thought.start(), thought.end()).strip())
                .containsExactly("One.", "Two.", "Three.\n x\nstill three.", "4");
    }

    @Test
    void markersMatchIgnoringCaseAsWholeWordsOnly() {
        String text = "<think>\nWAIT. wAiT: waiting, await, hmmm. Hmm! But let me see; alternatively.\n</think>\n1";
        // WAIT, wAiT, Hmm, But let me, alternatively; not "waiting", "await" or "hmmm"
        assertThat(structure(text).markers()).isEqualTo(5);
        ReflectionMarkers accented = new ReflectionMarkers(List.of("Ébauche", "ǅa"));
        String other = "<think>\nébauche. ÉBAUCHE. ǆa and ǅa.\n</think>";
        assertThat(TraceStructure.of(other, new ThinkingSplitter().split(other), accented)
                        .markers())
                .isEqualTo(4);
    }

    @Test
    void aTraceCutOffInItsThinkingHasNoAnswerPart() {
        String cut = "<think>\nThe answer is 4.\n\nWait, maybe 5";
        TraceStructure trace = structure(cut);
        assertThat(trace.thoughts()).hasSize(2);
        assertThat(trace.answers()).extracting(Thought::answer).containsExactly("4");
    }

    @Test
    void aTraceWithoutThinkingIsOneThought() {
        TraceStructure trace = structure("Adding, we get 7. The answer is 7.");
        assertThat(trace.thoughts())
                .singleElement()
                .satisfies(thought -> assertThat(thought.answer()).isEqualTo("7"));
        assertThat(trace.markers()).isZero();
    }

    @Test
    void markersAreDataTheUserCanChange() {
        ReflectionMarkers mine = new ReflectionMarkers(List.of("  hmm ", "On second thought", "hmm"));
        assertThat(mine.phrases()).containsExactly("hmm", "On second thought");
        assertThat(mine.fingerprint()).isNotEqualTo(ReflectionMarkers.DEFAULT.fingerprint());
        TraceStructure trace = TraceStructure.of(TRACE, new ThinkingSplitter().split(TRACE), mine);
        assertThat(trace.markers()).isEqualTo(1);
        assertThat(trace.thoughts()).hasSize(4);
    }
}
