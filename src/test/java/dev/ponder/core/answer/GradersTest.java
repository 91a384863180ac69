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

    /** The case that made the issue: the MATH reference counts 3√13 and √117 apart; ponder-math counts them equal. */
    @Test
    void theStrictMathGraderIsTheReferencesIsEquivAlone() {
        assertThat(Graders.MATH.grade("\\sqrt{117}", "3\\sqrt{13}")).isTrue();
        assertThat(Graders.HENDRYCKS_MATH_STRICT.grade("\\sqrt{117}", "3\\sqrt{13}"))
                .isFalse();
        // the reference's normalisation still applies: \frac12 is \frac{1}{2}, 0.5 is .5, units and spaces go
        assertThat(Graders.HENDRYCKS_MATH_STRICT.grade("\\frac12", "\\frac{1}{2}"))
                .isTrue();
        assertThat(Graders.HENDRYCKS_MATH_STRICT.grade("0.5", ".5")).isTrue();
        assertThat(Graders.HENDRYCKS_MATH_STRICT.grade("3/2", "1.5")).isFalse();
        assertThat(Graders.byName("hendrycks-math-strict")).contains(Graders.HENDRYCKS_MATH_STRICT);
    }

    @Test
    void theNumericGraderAllowsItsStatedTolerance() {
        assertThat(Graders.NUMERIC.grade("3.14159", "3.1416")).isTrue(); // relative 1.3e-6
        assertThat(Graders.NUMERIC.grade("3.14", "3.1416")).isFalse(); // relative 5.1e-4
        assertThat(Graders.NUMERIC.grade("1/3", "0.33333")).isTrue();
        assertThat(Graders.NUMERIC.grade("0.00001", "0")).isTrue(); // absolute near zero
        assertThat(Graders.NUMERIC.grade("x", "1")).isFalse();
        assertThat(Graders.NUMERIC.grade(" 3\\sqrt{13}", "3\\sqrt{13}")).isTrue(); // not numbers: the same text
        assertThat(Graders.NUMERIC.grade("\\sqrt{117}", "3\\sqrt{13}")).isFalse();
    }

    @Test
    void gradersAreFoundByName() {
        assertThat(Graders.byName("PONDER-MATH")).contains(Graders.MATH);
        assertThat(Graders.byName("llm-judge")).isEmpty();
    }
}
