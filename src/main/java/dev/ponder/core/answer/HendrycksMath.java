package dev.ponder.core.answer;

/**
 * An exact port of the MATH benchmark's answer normalisation, {@code strip_string} and {@code is_equiv}, as in
 * lm-evaluation-harness {@code lm_eval/tasks/hendrycks_math/utils.py} (from hendrycks/math). Every branch
 * keeps the reference's behaviour, including where the Python raises: there {@link #stripString} throws
 * {@link StripFailure} and {@link #isEquiv} falls back to comparing the raw strings, as the reference's
 * {@code except Exception} does.
 */
public final class HendrycksMath {
    private HendrycksMath() {}

    /** Thrown where the reference's {@code strip_string} raises (an assertion, a failed {@code int()}, an index). */
    public static final class StripFailure extends RuntimeException {
        StripFailure(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * {@code is_equiv}: equal after {@code strip_string}; if stripping fails for either side, equal as raw
     * strings. Two {@code null}s are equal (the reference prints a warning), one {@code null} is not.
     */
    public static boolean isEquiv(String first, String second) {
        if (first == null && second == null) {
            return true;
        }
        if (first == null || second == null) {
            return false;
        }
        try {
            return stripString(first).equals(stripString(second));
        } catch (StripFailure e) {
            return first.equals(second);
        }
    }

    /** {@code strip_string}, step by step in the reference's order. */
    public static String stripString(String input) {
        String string = input.replace("\n", "");
        string = string.replace("\\!", "");
        string = string.replace("\\\\", "\\");
        string = string.replace("tfrac", "frac");
        string = string.replace("dfrac", "frac");
        string = string.replace("\\left", "");
        string = string.replace("\\right", "");
        string = string.replace("^{\\circ}", "");
        string = string.replace("^\\circ", "");
        string = string.replace("\\$", "");
        string = removeRightUnits(string);
        string = string.replace("\\%", "");
        string = string.replace(" .", " 0.");
        string = string.replace("{.", "{0.");
        if (string.isEmpty()) {
            return string;
        }
        if (string.charAt(0) == '.') {
            string = "0" + string;
        }
        String[] sides = split(string, "=");
        if (sides.length == 2 && codePoints(sides[0]) <= 2) {
            string = sides[1];
        }
        string = fixSqrt(string);
        string = string.replace(" ", "");
        string = fixFracs(string);
        if (string.equals("0.5")) {
            string = "\\frac{1}{2}";
        }
        return fixASlashB(string);
    }

    /** {@code remove_right_units}: text before {@code "\text{ "}; more than one occurrence fails an assertion. */
    static String removeRightUnits(String string) {
        if (!string.contains("\\text{ ")) {
            return string;
        }
        String[] splits = split(string, "\\text{ ");
        if (splits.length != 2) {
            throw new StripFailure("remove_right_units: expected one \\text{ , found " + (splits.length - 1));
        }
        return splits[0];
    }

    /** {@code fix_sqrt}: {@code \sqrt3} becomes {@code \sqrt{3}}; a trailing {@code \sqrt} fails as in the reference. */
    static String fixSqrt(String string) {
        if (!string.contains("\\sqrt")) {
            return string;
        }
        String[] splits = split(string, "\\sqrt");
        StringBuilder result = new StringBuilder(splits[0]);
        for (int i = 1; i < splits.length; i++) {
            String part = splits[i];
            if (part.isEmpty()) {
                throw new StripFailure("fix_sqrt: nothing after \\sqrt");
            }
            int first = part.offsetByCodePoints(0, 1);
            if (part.charAt(0) != '{') {
                result.append("\\sqrt{").append(part, 0, first).append('}').append(part, first, part.length());
            } else {
                result.append("\\sqrt").append(part);
            }
        }
        return result.toString();
    }

    /** {@code fix_fracs}: {@code \frac12} becomes {@code \frac{1}{2}}, {@code \frac1{72}} becomes {@code \frac{1}{72}}. */
    static String fixFracs(String string) {
        String[] parts = split(string, "\\frac");
        StringBuilder result = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            result.append("\\frac");
            if (part.isEmpty()) {
                throw new StripFailure("fix_fracs: nothing after \\frac");
            }
            if (part.charAt(0) == '{') {
                result.append(part);
                continue;
            }
            if (part.codePointCount(0, part.length()) < 2) {
                return string;
            }
            int afterA = part.offsetByCodePoints(0, 1);
            int afterB = part.offsetByCodePoints(afterA, 1);
            String a = part.substring(0, afterA);
            String b = part.substring(afterA, afterB);
            String rest = part.substring(afterB);
            if (!b.equals("{")) {
                result.append('{').append(a).append("}{").append(b).append('}').append(rest);
            } else {
                result.append('{').append(a).append('}').append(b).append(rest);
            }
        }
        return result.toString();
    }

    /**
     * {@code fix_a_slash_b}: {@code 3/4} becomes {@code \frac{3}{4}} when both sides are integers written
     * canonically. Python's {@code int()} raising on a non-integer side escapes the function (only the
     * assertion is caught there), so that is a {@link StripFailure} here too.
     */
    static String fixASlashB(String string) {
        String[] sides = split(string, "/");
        if (sides.length != 2) {
            return string;
        }
        java.math.BigInteger a = PythonInt.parse(sides[0]);
        java.math.BigInteger b = PythonInt.parse(sides[1]);
        if (!string.equals(a + "/" + b)) {
            return string;
        }
        return "\\frac{" + a + "}{" + b + "}";
    }

    /** Python's {@code str.split(separator)}: keeps empty pieces, including leading and trailing ones. */
    static String[] split(String string, String separator) {
        java.util.List<String> pieces = new java.util.ArrayList<>();
        int from = 0;
        int at;
        while ((at = string.indexOf(separator, from)) >= 0) {
            pieces.add(string.substring(from, at));
            from = at + separator.length();
        }
        pieces.add(string.substring(from));
        return pieces.toArray(String[]::new);
    }

    private static int codePoints(String string) {
        return string.codePointCount(0, string.length());
    }

    /** What Python's {@code int(str)} accepts, as far as the MATH answers can reach it. */
    static final class PythonInt {
        private PythonInt() {}

        /**
         * Parses like {@code int()}: surrounding whitespace, one sign, decimal digits (any Unicode decimal digits)
         * with single underscores between them, of any size. Anything else raises, as {@code int()} raises
         * ValueError.
         */
        static java.math.BigInteger parse(String text) {
            String s = text.strip();
            int i = 0;
            boolean negative = false;
            if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
                negative = s.charAt(0) == '-';
                i = 1;
            }
            StringBuilder digits = new StringBuilder();
            boolean lastWasDigit = false;
            while (i < s.length()) {
                int codePoint = s.codePointAt(i);
                if (codePoint == '_') {
                    if (!lastWasDigit) {
                        throw new StripFailure("int(): misplaced underscore in '" + text + "'");
                    }
                    lastWasDigit = false;
                } else {
                    if (Character.getType(codePoint) != Character.DECIMAL_DIGIT_NUMBER) {
                        throw new StripFailure("int(): not a number: '" + text + "'");
                    }
                    digits.append((char) ('0' + Character.digit(codePoint, 10)));
                    lastWasDigit = true;
                }
                i += Character.charCount(codePoint);
            }
            if (!lastWasDigit) {
                throw new StripFailure("int(): no number in '" + text + "'");
            }
            java.math.BigInteger value = new java.math.BigInteger(digits.toString());
            return negative ? value.negate() : value;
        }
    }
}
