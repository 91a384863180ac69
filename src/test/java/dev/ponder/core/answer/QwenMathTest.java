package dev.ponder.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The qwen-math grader against Qwen2.5-Math's {@code evaluation/grader.py}: its own unit tests and the cases its
 * {@code _test_math_equal} works through, with the verdicts its {@code math_equal} gives.
 */
class QwenMathTest {

    @Test
    void numbersWithinARelativeTolerancePercentagesIncluded() {
        assertThat(QwenMath.numericallyEqual("10", "10")).isTrue();
        assertThat(QwenMath.numericallyEqual("10", "20")).isFalse();
        assertThat(QwenMath.numericallyEqual("10%", "0.1")).isTrue();
        assertThat(QwenMath.numericallyEqual("10%", "0.2")).isFalse();
        // the gold also read as a percentage either way: 0.3 against 30, 3,000 against 30
        assertThat(QwenMath.numericallyEqual("0.3", "30")).isTrue();
        assertThat(QwenMath.numericallyEqual("3,000", "30")).isTrue();
        assertThat(QwenMath.numericallyEqual("1.00005", "1")).isTrue();
        assertThat(QwenMath.numericallyEqual("1.0002", "1")).isFalse();
        // Python's isclose: an infinity is close only to itself
        assertThat(QwenMath.numericallyEqual("inf", "5")).isFalse();
        assertThat(QwenMath.numericallyEqual("inf", "Infinity")).isTrue();
        assertThat(QwenMath.digits("12\\%")).isEqualTo(0.12);
        assertThat(QwenMath.digits("1_000")).isEqualTo(1000.0);
        assertThat(QwenMath.digits("\\frac{1}{2}")).isNull();
    }

    @Test
    void choiceLettersAreCleanedAsTheReferenceDoes() {
        assertThat(QwenMath.choice("(B).")).isEqualTo("B");
        assertThat(QwenMath.choice("The answer is C")).isEqualTo("C");
        assertThat(QwenMath.choice(": d")).isEqualTo("D");
        assertThat(QwenMath.mathEqual("the answer is (c)", "C")).isTrue();
    }

    @Test
    void listsMatricesAndEquationsPartByPart() {
        assertThat(QwenMath.mathEqual("[1, 2, 3]", "[1, 2, 3]")).isTrue();
        assertThat(QwenMath.mathEqual("[1, 2, 3]", "[1, 2, 4]")).isFalse();
        assertThat(QwenMath.mathEqual("(1,4.5)", "(1,\\frac{9}{2})")).isTrue();
        assertThat(QwenMath.mathEqual(
                        "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}"))
                .isTrue();
        assertThat(QwenMath.mathEqual(
                        "\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{pmatrix}1&2\\\\3&5\\end{pmatrix}"))
                .isFalse();
        assertThat(QwenMath.mathEqual("x = y", "x = y")).isTrue();
        assertThat(QwenMath.mathEqual("x = y", "x = z")).isFalse();
        assertThat(QwenMath.mathEqual("x = 10", "10")).isTrue();
        assertThat(QwenMath.mathEqual("10", "x = 10")).isTrue();
        // the same plane written with every sign flipped
        assertThat(QwenMath.mathEqual("-34x-45y+20z-100=0", "34x+45y-20z+100=0"))
                .isTrue();
    }

    @Test
    void expressionsAreComparedSymbolically() {
        assertThat(Graders.QWEN_MATH.grade("\\sqrt{117}", "3\\sqrt{13}")).isTrue();
        assertThat(Graders.QWEN_MATH.grade("0.0833333333333333", "\\frac{1}{12}"))
                .isTrue();
        assertThat(Graders.QWEN_MATH.grade("\\frac{x}{7}+\\frac{2}{7}", "\\frac{x+2}{7}"))
                .isTrue();
        assertThat(Graders.QWEN_MATH.grade("\\frac{1+\\sqrt{5}}{2}", "\\frac{2}{\\sqrt{5}-1}"))
                .isTrue();
        assertThat(Graders.QWEN_MATH.grade("\\dfrac{\\pi}{2}", "1.5708")).isTrue();
        assertThat(Graders.QWEN_MATH.grade("(x+1)^2", "x^2+2x+1")).isTrue();
        assertThat(Graders.QWEN_MATH.grade("\\frac{1+\\sqrt{5}}{2}", "2")).isFalse();
        assertThat(Graders.QWEN_MATH.grade("x+1", "x+2n+1")).isFalse();
        assertThat(Graders.QWEN_MATH.grade("1", "\\sqrt{19}")).isFalse();
        assertThat(Graders.QWEN_MATH.grade("\\frac{100}{3}", "33.3")).isFalse();
    }

    @Test
    void whatCannotBeParsedOrDecidedCountsAsDifferent() {
        assertThat(Graders.QWEN_MATH.grade("no answer here", "42")).isFalse();
        assertThat(Graders.QWEN_MATH.grade("\\frac{", "\\frac{1}{2}")).isFalse();
        assertThat(Graders.QWEN_MATH.grade("", "1")).isFalse();
        assertThat(Graders.byName("qwen-math")).contains(Graders.QWEN_MATH);
    }

    /** Past its time limit a comparison is abandoned as "different", and the next one is decided as usual. */
    @Test
    void aComparisonPastItsTimeLimitCountsAsDifferent() {
        // the limit counts from when the algebra system is ready on its worker, so starting it is not timed here
        assertThat(SymbolicEquality.equal("x+1", "1+x")).isTrue();
        long started = System.nanoTime();
        assertThat(SymbolicEquality.equal("(x+y+z+w)^{60}", "(x+y+z+w)^{60}+10^{-9}", Duration.ofMillis(50)))
                .isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(SymbolicEquality.equal("2\\sqrt{2}", "\\sqrt{8}")).isTrue();
    }
}
