package dev.ponder.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.trace.ThinkingSplitter;
import org.junit.jupiter.api.Test;

class AnswerExtractorTest {
    private final AnswerExtractor extractor = new AnswerExtractor();
    private final ThinkingSplitter splitter = new ThinkingSplitter();

    private ExtractedAnswer extract(String text) {
        return extractor.extract(text, splitter.split(text));
    }

    @Test
    void takesTheLastBoxedAnswerOfTheAnswerPartWithBracesMatched() {
        ExtractedAnswer answer = extract(
                "<think>maybe \\boxed{3}</think>\nSo \\boxed{\\frac{1}{2}} or rather \\boxed{\\left( 3, \\frac{\\pi}{2} \\right)}.");
        assertThat(answer.extracted()).isEqualTo("\\left( 3, \\frac{\\pi}{2} \\right)");
        assertThat(answer.rule()).isEqualTo("boxed");
        assertThat(answer.answerText()).startsWith("So \\boxed");
    }

    @Test
    void ignoresAnswersInsideTheThinking() {
        assertThat(extract("<think>The answer is \\boxed{7}.</think>\nI am not sure.")
                        .extracted())
                .isNull();
    }

    @Test
    void aThoughtStatesItsAnswerWithWhereTheStatementEnds() {
        String boxed = "so it is \\boxed{\\frac{1}{2}} surely";
        assertThat(AnswerExtractor.stated(boxed))
                .isEqualTo(new AnswerExtractor.Stated("\\frac{1}{2}", boxed.indexOf(" surely")));
        String sentence = "The answer is 4. Then the answer is $5$.\nDone";
        assertThat(AnswerExtractor.stated(sentence))
                .isEqualTo(new AnswerExtractor.Stated("5", sentence.indexOf(".\nDone")));
        // an empty box states nothing, but where the sentence's answer ends is still the box's end
        String empty = "The answer is 6. \\boxed{} and on";
        assertThat(AnswerExtractor.stated(empty)).isEqualTo(new AnswerExtractor.Stated("6", empty.indexOf(" and on")));
        assertThat(AnswerExtractor.stated("no answer here")).isEqualTo(new AnswerExtractor.Stated(null, -1));
        assertThat(AnswerExtractor.statedIn("\\fbox{1} then \\boxed{2} then \\box{3}"))
                .isEqualTo("2");
    }

    @Test
    void readsFboxAndTheSpaceForm() {
        assertThat(AnswerExtractor.lastBoxed("so \\fbox{12}")).isEqualTo("12");
        assertThat(AnswerExtractor.lastBoxed("$\\boxed 5$ done")).isEqualTo("5");
        assertThat(AnswerExtractor.lastBoxed("\\boxed{unclosed {x}")).isNull();
        assertThat(AnswerExtractor.lastBoxed("no box")).isNull();
    }

    @Test
    void fallsBackToFinalAnswerThenTheAnswerIsThenAnswerColon() {
        assertThat(extract("<|im_start|>think\nhmm\n<|im_start|>answer\nFinal Answer: $42$.")
                        .extracted())
                .isEqualTo("42");
        assertThat(extract("<think>x</think>So the answer is 17.").extracted()).isEqualTo("17");
        assertThat(extract("Working...\nAnswer: (B)").extracted()).isEqualTo("(B)");
        assertThat(extract("Working...\nAnswer: (B)").rule()).isEqualTo("answer-colon");
        assertThat(extract("C").extracted()).isEqualTo("C");
        assertThat(extract("<think>x</think>\n(D)").rule()).isEqualTo("choice");
    }

    @Test
    void aShortAnswerPartIsTheAnswerWholeAndALongOneIsNot() {
        assertThat(extract("303").extracted()).isEqualTo("303");
        assertThat(extract("303").rule()).isEqualTo("whole");
        assertThat(extract("<think>hmm</think>\n$x = 4$.").extracted()).isEqualTo("x = 4");
        assertThat(extract("The reason is long. ".repeat(5)).extracted()).isNull();
        assertThat(extract("two\nlines").extracted()).isNull();
    }

    @Test
    void aTraceCutOffInsideItsThinkingHasNoAnswer() {
        ExtractedAnswer answer = extract("<think>\nLet me compute \\boxed{5} and then");
        assertThat(answer).isEqualTo(ExtractedAnswer.NONE);
    }

    @Test
    void anEmptyAnswerPartHasNoAnswer() {
        assertThat(extract("<think>all thinking</think>\n  ").answerText()).isNull();
    }
}
