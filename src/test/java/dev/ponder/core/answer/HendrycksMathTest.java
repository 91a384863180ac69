package dev.ponder.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The port against the reference: every expected value below is what lm-evaluation-harness's
 * {@code hendrycks_math/utils.py} returns for the input (run under Python 3.11), chosen to reach each branch
 * of {@code strip_string} and each place where it raises.
 */
class HendrycksMathTest {

    static Stream<Arguments> stripString() {
        return Stream.of(
                Arguments.of("\n5\n", "5"),
                Arguments.of("a\\!b", "ab"),
                Arguments.of("\\\\frac{1}{2}", "\\frac{1}{2}"),
                Arguments.of("\\tfrac{1}{2}", "\\frac{1}{2}"),
                Arguments.of("\\dfrac{3}{4}", "\\frac{3}{4}"),
                Arguments.of("\\left( 3, \\frac{\\pi}{2} \\right)", "(3,\\frac{\\pi}{2})"),
                Arguments.of("90^{\\circ}", "90"),
                Arguments.of("90^\\circ", "90"),
                Arguments.of("\\$5", "5"),
                Arguments.of("5\\text{ cm}", "5"),
                Arguments.of("5\\text{ cm}\\text{ m}", null), // the reference raises AssertionError
                Arguments.of("50\\%", "50"),
                Arguments.of("50%", "50%"),
                Arguments.of("x + .5", "x+0.5"),
                Arguments.of("{.5}", "{0.5}"),
                Arguments.of("", ""),
                Arguments.of(".5", "\\frac{1}{2}"),
                Arguments.of("0.5", "\\frac{1}{2}"),
                Arguments.of("k = 5", "5"),
                Arguments.of("x=", ""),
                Arguments.of("abc = 5", "abc=5"),
                Arguments.of("a=b=c", "a=b=c"),
                Arguments.of("\\sqrt3", "\\sqrt{3}"),
                Arguments.of("2\\sqrt3+\\sqrt{5}", "2\\sqrt{3}+\\sqrt{5}"),
                Arguments.of("\\sqrt", null), // the reference raises IndexError
                Arguments.of("\\frac12", "\\frac{1}{2}"),
                Arguments.of("\\frac1{72}", "\\frac{1}{72}"),
                Arguments.of("\\frac{72}1", "\\frac{72}1"),
                Arguments.of("\\frac", null), // the reference raises IndexError
                Arguments.of("\\frac1", "\\frac1"),
                Arguments.of("3/4", "\\frac{3}{4}"),
                Arguments.of("x/4", null), // the reference raises ValueError
                Arguments.of("03/4", "03/4"),
                Arguments.of("1_0/2", "1_0/2"),
                Arguments.of("-3/4", "\\frac{-3}{4}"),
                Arguments.of("3/-4", "\\frac{3}{-4}"),
                Arguments.of("1/2/3", "1/2/3"),
                Arguments.of(" 3 ", "3"),
                Arguments.of("\\frac{1}{2}", "\\frac{1}{2}"),
                Arguments.of("(3,\\frac{\\pi}{2})", "(3,\\frac{\\pi}{2})"),
                Arguments.of("\\text{(C)}", "\\text{(C)}"),
                Arguments.of("1,000", "1,000"),
                Arguments.of("\\$1,000", "1,000"),
                Arguments.of("10\\%", "10"),
                Arguments.of("-.5", "-.5"),
                Arguments.of("\\sqrt{\\frac12}", "\\sqrt{\\frac{1}{2}}"),
                Arguments.of("\\dfrac12", "\\frac{1}{2}"),
                Arguments.of("\\frac a b", "\\frac{a}{b}"),
                Arguments.of("3 / 4", "\\frac{3}{4}"),
                Arguments.of("12345678901234567890/2", "\\frac{12345678901234567890}{2}"),
                Arguments.of("\u0663/4", "\u0663/4"));
    }

    @ParameterizedTest(name = "strip_string({0}) = {1}")
    @MethodSource
    void stripString(String input, String expected) {
        if (expected == null) {
            assertThatThrownBy(() -> HendrycksMath.stripString(input)).isInstanceOf(HendrycksMath.StripFailure.class);
        } else {
            assertThat(HendrycksMath.stripString(input)).isEqualTo(expected);
        }
    }

    static Stream<Arguments> isEquiv() {
        return Stream.of(
                Arguments.of("0.5", "\\frac{1}{2}", true),
                Arguments.of("\\frac12", "\\frac{1}{2}", true),
                Arguments.of("x/4", "x/4", true),
                Arguments.of("x/4", "x / 4", false),
                Arguments.of("\\sqrt", "\\sqrt", true),
                Arguments.of("5\\text{ cm}", "5", true),
                Arguments.of("50\\%", "50", true),
                Arguments.of("k = 5", "5", true),
                Arguments.of("3/4", "\\frac{3}{4}", true),
                Arguments.of("1.5", "3/2", false),
                Arguments.of("\\left(1,2\\right)", "(1,2)", true),
                Arguments.of("90^\\circ", "90", true),
                Arguments.of("\\frac", "\\frac", true),
                Arguments.of("a", "b", false),
                Arguments.of("10", "10.0", false));
    }

    @ParameterizedTest(name = "is_equiv({0}, {1}) = {2}")
    @MethodSource
    void isEquiv(String first, String second, boolean expected) {
        assertThat(HendrycksMath.isEquiv(first, second)).isEqualTo(expected);
    }
}
