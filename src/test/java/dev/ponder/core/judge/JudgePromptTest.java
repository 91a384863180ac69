package dev.ponder.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JudgePromptTest {
    @Test
    void theQuestionNamesBothAnswersAndTheReplyIsReadFromItsFirstYesOrNo() {
        String question = JudgePrompt.about(" \\sqrt{117} ", "3\\sqrt{13}");
        assertThat(question)
                .contains("REFERENCE: 3\\sqrt{13}\nANSWER: \\sqrt{117}")
                .contains("10% and 0.1")
                .endsWith("Reply with one word: Yes if they state the same result, No if they do not.");
        assertThat(JudgePrompt.verdict("Yes")).isTrue();
        assertThat(JudgePrompt.verdict("**No.**")).isFalse();
        assertThat(JudgePrompt.verdict("yes, they are the same")).isTrue();
        assertThat(JudgePrompt.verdict("They are equal")).isNull();
        assertThat(JudgePrompt.verdict("Noted: the answer is wrong")).isNull();
        assertThat(JudgePrompt.verdict(null)).isNull();
    }
}
