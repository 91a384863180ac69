package dev.ponder.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GradersTest {

    @Test
    void theMathGraderUsesEquivalenceAndWantsAnAnswer() {
        assertThat(Graders.MATH.grade("3/2", "1.5")).isTrue();
        assertThat(Graders.MATH.grade("2", "1.5")).isFalse();
        assertThat(Graders.MATH.grade(null, "1.5")).isFalse();
        assertThat(Graders.MATH.grade("1.5", null)).isNull();
        assertThat(Graders.MATH.grade("1.5", " ")).isNull();
    }

    @Test
    void exactAndMultipleChoiceGraders() {
        assertThat(Graders.EXACT.grade(" Paris ", "Paris")).isTrue();
        assertThat(Graders.EXACT.grade("paris", "Paris")).isFalse();
        assertThat(Graders.MULTIPLE_CHOICE.grade("(b).", "B")).isTrue();
        assertThat(Graders.MULTIPLE_CHOICE.grade("C", "B")).isFalse();
    }

    @Test
    void gradersAreFoundByName() {
        assertThat(Graders.byName("PONDER-MATH")).contains(Graders.MATH);
        assertThat(Graders.byName("llm-judge")).isEmpty();
    }
}
