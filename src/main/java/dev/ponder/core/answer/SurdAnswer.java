package dev.ponder.core.answer;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer that is a rational multiple of one square root, read exactly and simplified: {@code 2\sqrt{3}},
 * {@code \sqrt{12}}, {@code \frac{\sqrt{3}}{2}}, {@code \frac{1}{2}\sqrt{3}}, {@code \sqrt{3}/2},
 * {@code \frac{1}{\sqrt{2}}}, {@code \sqrt{\frac{3}{4}}}. The value is {@code coefficient × √radicand} with a
 * square-free radicand, so equal values have equal forms; a radicand of 1 is a plain rational number.
 *
 * @param coefficient the rational factor
 * @param radicand    the square-free integer under the root, 1 for none
 */
public record SurdAnswer(NumericAnswer coefficient, BigInteger radicand) {
    /** Radicands above this are not factored: answers that size are not "simple" forms. */
    private static final BigInteger LARGEST_RADICAND = BigInteger.valueOf(1_000_000_000_000L);

    private static final String NUM = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+";
    private static final String RATIONAL = "(?:" + NUM + "|\\\\frac\\{(?:" + NUM + ")\\}\\{(?:" + NUM + ")\\})";
    private static final String ROOT = "\\\\sqrt\\{(" + RATIONAL + ")\\}";
    private static final String TIMES = "(?:\\\\cdot|\\\\times|\\*)?";
    /** coefficient √r, or coefficient √r / d. */
    private static final Pattern PRODUCT =
            Pattern.compile("([+-]?)(" + RATIONAL + ")?" + TIMES + ROOT + "(?:/(" + NUM + "))?");
    /** \frac{c √r}{d}. */
    private static final Pattern ROOT_OVER =
            Pattern.compile("([+-]?)\\\\frac\\{(" + NUM + ")?" + TIMES + ROOT + "\\}\\{(" + NUM + ")\\}");
    /** \frac{n}{c √r}. */
    private static final Pattern OVER_ROOT =
            Pattern.compile("([+-]?)\\\\frac\\{(" + NUM + ")\\}\\{(" + NUM + ")?" + TIMES + ROOT + "\\}");

    public SurdAnswer {
        if (radicand.signum() <= 0) {
            throw new IllegalArgumentException("radicand must be positive");
        }
    }

    /** The answer's exact value, if it is a plain number or one of the simple root forms. */
    public static Optional<SurdAnswer> parse(String answer) {
        Optional<NumericAnswer> plain = NumericAnswer.parse(answer);
        if (plain.isPresent()) {
            return Optional.of(new SurdAnswer(plain.get(), BigInteger.ONE));
        }
        if (answer == null || !answer.contains("\\sqrt")) {
            return Optional.empty();
        }
        String s = NumericAnswer.clean(answer);
        Matcher product = PRODUCT.matcher(s);
        if (product.matches()) {
            NumericAnswer factor = product.group(2) == null ? NumericAnswer.ONE : rational(product.group(2));
            if (product.group(4) != null) {
                factor = factor.dividedBy(NumericAnswer.parse(product.group(4)).orElseThrow())
                        .orElse(null);
            }
            return root(product.group(1), factor, rational(product.group(3)), false);
        }
        Matcher over = ROOT_OVER.matcher(s);
        if (over.matches()) {
            NumericAnswer top = over.group(2) == null ? NumericAnswer.ONE : rational(over.group(2));
            return root(
                    over.group(1), top.dividedBy(rational(over.group(4))).orElse(null), rational(over.group(3)), false);
        }
        Matcher under = OVER_ROOT.matcher(s);
        if (under.matches()) {
            NumericAnswer bottom = under.group(3) == null ? NumericAnswer.ONE : rational(under.group(3));
            return root(
                    under.group(1),
                    rational(under.group(2)).dividedBy(bottom).orElse(null),
                    rational(under.group(4)),
                    true);
        }
        return Optional.empty();
    }

    /** A canonical spelling, equal for equal values: {@code 3/2}, {@code 2*sqrt(3)}, {@code -1/2*sqrt(3)}. */
    public String canonical() {
        if (radicand.equals(BigInteger.ONE)) {
            return coefficient.canonical();
        }
        return coefficient.canonical() + "*sqrt(" + radicand + ")";
    }

    /** sign × factor × √value, or factor / √value when {@code divide}: simplified to a square-free radicand. */
    private static Optional<SurdAnswer> root(String sign, NumericAnswer factor, NumericAnswer value, boolean divide) {
        if (factor == null || value.numerator().signum() <= 0) {
            return Optional.empty();
        }
        // √(p/q) = √(p·q) / q; and 1/√(p/q) = √(p·q) / p.
        BigInteger product = value.numerator().multiply(value.denominator());
        if (product.compareTo(LARGEST_RADICAND) > 0) {
            return Optional.empty();
        }
        BigInteger[] split = squareOut(product);
        BigInteger outside = split[0];
        BigInteger below = divide ? value.numerator() : value.denominator();
        NumericAnswer scale = NumericAnswer.of(outside, below);
        NumericAnswer coefficient = factor.times(scale);
        if ("-".equals(sign)) {
            coefficient = coefficient.negate();
        }
        return Optional.of(new SurdAnswer(coefficient, split[1]));
    }

    /** n = outside² × inside with inside square-free. */
    private static BigInteger[] squareOut(BigInteger n) {
        long rest = n.longValueExact();
        long outside = 1;
        for (long f = 2; f * f <= rest; f++) {
            while (rest % (f * f) == 0) {
                rest /= f * f;
                outside *= f;
            }
        }
        return new BigInteger[] {BigInteger.valueOf(outside), BigInteger.valueOf(rest)};
    }

    private static NumericAnswer rational(String text) {
        return NumericAnswer.parse(text).orElseThrow();
    }
}
