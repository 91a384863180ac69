package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Budget forcing end to end on the tiny reasoner run by llama.cpp, counted in the model's own tokens. */
class BudgetForcingTest {
    private static final String WORD_PROBLEM =
            "Mia has 47 beads and buys 6 bags of 38 beads. How many beads does Mia have now?";
    private static final String EASY = "What is 12 + 35?";
    private static final EmbeddedLlama model = TinyModel.shared();

    private static ReplayedTrace run(PromptTemplate template, BudgetForcing.Params params, String question)
            throws ReplayException {
        StringBuilder streamed = new StringBuilder();
        ReplayedTrace trace = new BudgetForcing(model, template, params)
                .run(question, GenerationRequest.greedy("", 1), streamed::append, () -> false);
        String opened = template.openedThinking();
        assertThat(opened + streamed)
                .as("everything streamed, forced words included")
                .isEqualTo(trace.text());
        assertThat(model.countTokens(trace.thinking()))
                .as("thinking counted exactly")
                .isEqualTo(trace.tokensThinking());
        return trace;
    }

    @Test
    void capClosesTheThinkingAtExactlyTheBudgetAndAsksForTheAnswer() throws ReplayException {
        for (int budget : new int[] {1, 7, 20, 33}) {
            ReplayedTrace t = run(PromptTemplate.CHATML, BudgetForcing.Params.cap(budget), WORD_PROBLEM);
            assertThat(t.capped()).isTrue();
            assertThat(t.tokensThinking()).isEqualTo(budget);
            assertThat(t.text()).startsWith("<think>").contains("</think>\nFinal Answer:");
            assertThat(t.segments())
                    .extracting(Segment::kind)
                    .containsExactly(SegmentKind.FORCED_THINKING_END, SegmentKind.ANSWER_PROMPT);
            Segment prompt = t.segments().get(1);
            assertThat(t.text().substring(prompt.charStart(), prompt.charEnd())).isEqualTo("Final Answer:");
            assertThat(t.answer()).contains("\\boxed{");
            assertThat(t.finish()).isEqualTo(FinishReason.STOP);
        }
    }

    @Test
    void aBudgetLargerThanTheThinkingChangesNothing() throws ReplayException {
        ReplayedTrace free = run(PromptTemplate.CHATML, BudgetForcing.Params.cap(0), EASY);
        ReplayedTrace roomy = run(PromptTemplate.CHATML, BudgetForcing.Params.cap(500), EASY);
        assertThat(roomy.text()).isEqualTo(free.text());
        assertThat(roomy.capped()).isFalse();
        assertThat(roomy.segments()).isEmpty();
        assertThat(roomy.text()).contains("so 12+35=47\n</think>").endsWith("\\boxed{47}");
    }

    @Test
    void earlyEndsAreReplacedByWaitExactlyKTimes() throws ReplayException {
        for (int k : new int[] {1, 2, 3}) {
            ReplayedTrace t =
                    run(PromptTemplate.CHATML, BudgetForcing.Params.cap(600).withExtensions(k), EASY);
            List<Segment> waits = t.segments().stream()
                    .filter(s -> s.kind() == SegmentKind.INJECTED_WAIT)
                    .toList();
            assertThat(waits).hasSize(k);
            assertThat(t.extensions()).isEqualTo(k);
            for (Segment w : waits) {
                assertThat(t.text().substring(w.charStart(), w.charEnd())).isEqualTo("Wait");
                assertThat(w.charEnd()).isLessThan(t.thinkEnd());
            }
            assertThat(t.capped()).isFalse();
            assertThat(t.text().split("</think>", -1)).as("one end of thinking").hasSize(2);
            assertThat(t.tokensThinking()).isLessThanOrEqualTo(600);
        }
    }

    @Test
    void aSpentBudgetAllowsNoFurtherRoundAndTheRemainderCarriesOver() throws ReplayException {
        int natural =
                run(PromptTemplate.CHATML, BudgetForcing.Params.cap(0), EASY).tokensThinking();
        // Room for less than the wait word: the model's own end stands.
        ReplayedTrace tight =
                run(PromptTemplate.CHATML, BudgetForcing.Params.cap(natural + 3).withExtensions(5), EASY);
        assertThat(tight.extensions()).isZero();
        assertThat(tight.capped()).isFalse();
        // Room for one wait and a little more: the extension runs into the cap, which closes the thinking.
        ReplayedTrace one = run(
                PromptTemplate.CHATML, BudgetForcing.Params.cap(natural + 10).withExtensions(5), EASY);
        assertThat(one.extensions()).isEqualTo(1);
        assertThat(one.capped()).isTrue();
        assertThat(one.tokensThinking()).isEqualTo(natural + 10);
    }

    @Test
    void minimumThinkingKeepsExtendingUntilReached() throws ReplayException {
        int natural =
                run(PromptTemplate.CHATML, BudgetForcing.Params.cap(0), EASY).tokensThinking();
        ReplayedTrace t = run(PromptTemplate.CHATML, BudgetForcing.Params.cap(0).withMinThinking(natural + 1), EASY);
        assertThat(t.extensions()).isGreaterThanOrEqualTo(1);
        assertThat(t.tokensThinking()).isGreaterThan(natural);
    }

    @Test
    void countingStartsAfterAThinkingTheTemplateOpened() throws ReplayException {
        PromptTemplate preopened = new PromptTemplate(
                "chatml-think",
                "<|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n<think>\n",
                "<think>",
                "</think>",
                true,
                List.of("<|im_end|>"));
        ReplayedTrace t = run(preopened, BudgetForcing.Params.cap(12), WORD_PROBLEM);
        assertThat(t.text()).startsWith("<think>\n");
        assertThat(t.thinkStart()).isEqualTo("<think>\n".length());
        assertThat(t.tokensThinking()).isEqualTo(12);
        assertThat(t.capped()).isTrue();
    }

    @Test
    void cancellingStopsTheRun() throws ReplayException {
        ReplayedTrace t = new BudgetForcing(model, PromptTemplate.CHATML, BudgetForcing.Params.cap(0))
                .run(WORD_PROBLEM, GenerationRequest.greedy("", 1), ModelBackend.TextStream.NONE, () -> true);
        assertThat(t.finish()).isEqualTo(FinishReason.CANCELLED);
    }
}
