package dev.ponder.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathEquivalenceTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.5 | 3/2",
                "10 | 10.0",
                "1,000 | 1000",
                "1{,}000 | 1000",
                "-0.25 | -\\frac{1}{4}",
                "\\frac{6}{8} | 0.75",
                "50% | 50",
                "50\\% | 50",
                "$42$ | 42",
                "42. | 42",
                "\\dfrac{1}{3} | \\frac13",
                "\\left( 3, \\frac{\\pi}{2} \\right) | (3,\\frac{\\pi}{2})",
                "x = 7 | 7",
                "\\frac{1.5}{3} | 1/2",
                "2\\sqrt{3} | \\sqrt{12}",
                "2\\sqrt3 | \\sqrt{12}",
                "\\frac{\\sqrt{3}}{2} | \\frac{1}{2}\\sqrt{3}",
                "\\frac{\\sqrt{3}}{2} | \\sqrt{3}/2",
                "\\frac{1}{\\sqrt{2}} | \\frac{\\sqrt{2}}{2}",
                "\\sqrt{\\frac{3}{4}} | \\frac{\\sqrt3}{2}",
                "-3\\sqrt{8} | -6\\sqrt{2}",
                "\\sqrt{2.25} | 1.5",
                "\\sqrt{16} | 4",
                "\\dfrac{3\\sqrt{5}}{10} | \\frac{3}{10}\\sqrt{5}",
                "\\frac{6}{2\\sqrt{3}} | \\sqrt{3}",
                "2 \\cdot \\sqrt{5} | \\sqrt{20}"
            })
    void equivalentAnswers(String first, String second) {
        assertThat(MathEquivalence.equivalent(first, second)).isTrue();
        assertThat(MathEquivalence.equivalent(second, first)).isTrue();
        assertThat(MathEquivalence.key(first)).isEqualTo(MathEquivalence.key(second));
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1.5 | 1.50001",
                "3 | 4",
                "1/3 | 0.333",
                "(0,3) | (3,0)",
                "\\sqrt{2} | \\sqrt{3}",
                "2\\sqrt{3} | 3\\sqrt{2}",
                "\\sqrt{12} | 12",
                "-\\sqrt{2} | \\sqrt{2}",
                "\\sqrt{x} | \\sqrt{y}",
                "\\frac{\\pi}{2} | \\frac{\\pi}{3}",
                "1,00 | 100",
                "2x | 2y"
            })
    void differentAnswers(String first, String second) {
        assertThat(MathEquivalence.equivalent(first, second)).isFalse();
        assertThat(MathEquivalence.key(first)).isNotEqualTo(MathEquivalence.key(second));
    }

    @Test
    void numbersAreReadExactly() {
        assertThat(NumericAnswer.parse("0.125")).contains(new NumericAnswer(BigInteger.ONE, BigInteger.valueOf(8)));
        assertThat(NumericAnswer.parse("-\\frac{2}{4}"))
                .contains(new NumericAnswer(BigInteger.valueOf(-1), BigInteger.TWO));
        assertThat(NumericAnswer.parse("6/0")).isEmpty();
        assertThat(NumericAnswer.parse("\\sqrt{2}")).isEmpty();
        assertThat(SurdAnswer.parse("\\sqrt{12}").orElseThrow().canonical()).isEqualTo("2*sqrt(3)");
        assertThat(SurdAnswer.parse("-\\frac{\\sqrt{3}}{2}").orElseThrow().canonical())
                .isEqualTo("-1/2*sqrt(3)");
        assertThat(SurdAnswer.parse("\\sqrt{-4}")).isEmpty();
        assertThat(SurdAnswer.parse("\\sqrt{0}")).isEmpty();
        assertThat(SurdAnswer.parse("\\frac{1}{0\\sqrt{2}}")).isEmpty();
        assertThat(SurdAnswer.parse("\\sqrt{10000000000000000}"))
                .as("too large to factor")
                .isEmpty();
        assertThat(NumericAnswer.parse("")).isEmpty();
        assertThat(NumericAnswer.parse("1e5")).isEmpty();
        assertThat(NumericAnswer.parse("12345678901234567890123").orElseThrow().canonical())
                .isEqualTo("12345678901234567890123");
        assertThat(NumericAnswer.parse("3/6").orElseThrow().canonical()).isEqualTo("1/2");
    }

    @Test
    void keysFallBackToTheRawAnswerWhereNormalisationFails() {
        assertThat(MathEquivalence.key("x/4")).isEqualTo("x/4");
        assertThat(MathEquivalence.key("\\left( 3, \\frac{\\pi}{2} \\right)")).isEqualTo("(3,\\frac{\\pi}{2})");
        assertThat(MathEquivalence.key(null)).isNull();
    }
}
