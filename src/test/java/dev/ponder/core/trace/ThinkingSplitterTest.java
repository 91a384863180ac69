package dev.ponder.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.model.ThinkingSplit;
import org.junit.jupiter.api.Test;

class ThinkingSplitterTest {
    private final ThinkingSplitter splitter = new ThinkingSplitter();

    private static String thinking(String text, ThinkingSplit split) {
        return text.substring(split.thinking().start(), split.thinking().end());
    }

    @Test
    void thinkTags() {
        String text = "<think>\n7 + 8 = 15\n</think>\n\\boxed{15}";
        ThinkingSplit split = splitter.split(text);
        assertThat(thinking(text, split)).isEqualTo("7 + 8 = 15\n");
        assertThat(split.closed()).isTrue();
        assertThat(text.substring(split.answerStart())).isEqualTo("\n\\boxed{15}");
    }

    @Test
    void r1TracesWithoutTheOpeningTag() {
        String text = "Okay, so 2 + 3.\n</think>\n\n5";
        ThinkingSplit split = splitter.split(text);
        assertThat(split.thinking()).isEqualTo(new ThinkingSpan(0, 16));
        assertThat(split.truncated()).isFalse();
    }

    @Test
    void thinkingThatNeverClosedIsTruncated() {
        String text = "<think>\nstill going";
        ThinkingSplit split = splitter.split(text);
        assertThat(split.truncated()).isTrue();
        assertThat(thinking(text, split)).isEqualTo("still going");
        assertThat(split.answerStart()).isEqualTo(text.length());
    }

    @Test
    void s1BudgetForcedTrace() {
        String text = "<|im_start|>think\nLet me add. Wait, carry.\n<|im_start|>answer\nFinal Answer: 85";
        ThinkingSplit split = splitter.split(text);
        assertThat(thinking(text, split)).isEqualTo("Let me add. Wait, carry.\n");
        assertThat(text.substring(split.answerStart())).isEqualTo("\nFinal Answer: 85");
    }

    @Test
    void skyT1Trace() {
        String text =
                "<|begin_of_thought|>\n\nhmm\n\n<|end_of_thought|>\n\n<|begin_of_solution|>\n\\boxed{4}\n<|end_of_solution|>";
        ThinkingSplit split = splitter.split(text);
        assertThat(thinking(text, split)).isEqualTo("\nhmm\n\n");
        assertThat(text.substring(split.answerStart())).startsWith("\n\n<|begin_of_solution|>");
    }

    @Test
    void aTraceWithoutThinking() {
        ThinkingSplit split = splitter.split("The answer is 4.");
        assertThat(split.thinking()).isNull();
        assertThat(split.answerStart()).isZero();
        assertThat(split.truncated()).isFalse();
    }

    @Test
    void anEmptyThinkBlock() {
        String text = "<think></think>4";
        assertThat(splitter.split(text).thinking()).isEqualTo(new ThinkingSpan(7, 7));
    }
}
