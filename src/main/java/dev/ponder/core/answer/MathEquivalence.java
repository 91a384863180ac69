package dev.ponder.core.answer;

import java.util.Optional;

/**
 * When two math answers are the same answer (docs/methods.md, "Answers" and "Trace structure"): equal under the MATH benchmark's normalisation
 * ({@link HendrycksMath#isEquiv}), or the same number in any plain numeric spelling ({@link NumericAnswer}) or
 * simple square-root form ({@link SurdAnswer}).
 * {@link #key} gives equivalent answers one voting key.
 */
public final class MathEquivalence {
    private MathEquivalence() {}

    public static boolean equivalent(String first, String second) {
        if (HendrycksMath.isEquiv(first, second)) {
            return true;
        }
        Optional<SurdAnswer> a = number(first);
        return a.isPresent() && a.equals(number(second));
    }

    /**
     * The key under which an answer is voted: a number's canonical value, else the normalised string
     * (the raw string where normalisation fails, as {@code is_equiv} compares raw strings then).
     */
    public static String key(String answer) {
        if (answer == null) {
            return null;
        }
        Optional<SurdAnswer> value = number(answer);
        if (value.isPresent()) {
            return value.get().canonical();
        }
        try {
            return HendrycksMath.stripString(answer);
        } catch (HendrycksMath.StripFailure e) {
            return answer;
        }
    }

    /**
     * The number an answer stands for, read from its normalised form first (so {@code 0.5} and {@code \frac12}
     * agree, and {@code \sqrt3} reads as {@code \sqrt{3}}).
     */
    private static Optional<SurdAnswer> number(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        try {
            Optional<SurdAnswer> stripped = SurdAnswer.parse(HendrycksMath.stripString(answer));
            if (stripped.isPresent()) {
                return stripped;
            }
        } catch (HendrycksMath.StripFailure e) {
            // fall through to the raw spelling
        }
        return SurdAnswer.parse(answer);
    }
}
