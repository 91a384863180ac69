package dev.ponder.core.answer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer that is a plain number, read exactly as a reduced fraction: integers (with thousands
 * separators), decimals, {@code \frac{p}{q}}, {@code p/q}, with a sign and a trailing percent sign (which,
 * as in the MATH benchmark's normalisation, marks the unit and does not scale the number).
 */
public record NumericAnswer(BigInteger numerator, BigInteger denominator) {
    private static final String NUMBER = "[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|[+-]?\\.\\d+";
    private static final Pattern PLAIN = Pattern.compile(NUMBER);
    private static final Pattern FRAC = Pattern.compile("([+-]?)\\\\frac\\{(" + NUMBER + ")\\}\\{(" + NUMBER + ")\\}");
    private static final Pattern SLASH = Pattern.compile("(" + NUMBER + ")/(" + NUMBER + ")");

    static final NumericAnswer ONE = new NumericAnswer(BigInteger.ONE, BigInteger.ONE);

    public NumericAnswer {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
    }

    /** The answer's exact value, if it is one of the plain numeric forms. */
    public static Optional<NumericAnswer> parse(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        String s = clean(answer);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (PLAIN.matcher(s).matches()) {
            return Optional.of(decimal(s));
        }
        Matcher frac = FRAC.matcher(s);
        if (frac.matches()) {
            return divide(decimal(frac.group(2)), decimal(frac.group(3)))
                    .map(value -> "-".equals(frac.group(1)) ? value.negate() : value);
        }
        Matcher slash = SLASH.matcher(s);
        if (slash.matches()) {
            return divide(decimal(slash.group(1)), decimal(slash.group(2)));
        }
        return Optional.empty();
    }

    /** The value as a double, for comparisons within a tolerance. */
    public double value() {
        return new java.math.BigDecimal(numerator)
                .divide(new java.math.BigDecimal(denominator), java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** A canonical spelling, equal for equal values: {@code 12}, {@code -3/4}. */
    public String canonical() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }

    NumericAnswer negate() {
        return new NumericAnswer(numerator.negate(), denominator);
    }

    NumericAnswer times(NumericAnswer other) {
        return reduced(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** This over {@code other}; empty when {@code other} is zero. */
    Optional<NumericAnswer> dividedBy(NumericAnswer other) {
        return divide(this, other);
    }

    /** p/q reduced; q must not be zero. */
    static NumericAnswer of(BigInteger p, BigInteger q) {
        return reduced(p, q);
    }

    /** The answer without dollars, spacing commands, spaces, a percent sign or a full stop after a number. */
    static String clean(String answer) {
        String s = answer.strip();
        s = s.replace("{,}", ",")
                .replace("\\,", "")
                .replace("\\!", "")
                .replace("\\ ", "")
                .replace(" ", "");
        s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac");
        while (s.startsWith("$") && s.endsWith("$") && s.length() >= 2) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.endsWith("\\%")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("%")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith(".") && s.length() > 1 && Character.isDigit(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static NumericAnswer decimal(String text) {
        BigDecimal value = new BigDecimal(text.replace(",", "").replace("+", ""));
        BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        return scale <= 0
                ? reduced(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE)
                : reduced(unscaled, BigInteger.TEN.pow(scale));
    }

    private static Optional<NumericAnswer> divide(NumericAnswer a, NumericAnswer b) {
        if (b.numerator.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(reduced(a.numerator.multiply(b.denominator), a.denominator.multiply(b.numerator)));
    }

    private static NumericAnswer reduced(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() == 0) {
            return new NumericAnswer(BigInteger.ZERO, BigInteger.ONE);
        }
        return new NumericAnswer(numerator.divide(gcd), denominator.divide(gcd));
    }
}
