package dev.ponder.core.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The graders Ponder ships. Correctness labels a file carries are used before any of these. */
public final class Graders {
    /** Answer–gold pairs {@link #remembering} keeps before it starts again. */
    static final int REMEMBERED = 100_000;

    /** The name recorded when a file's own labels decided correctness. */
    public static final String FILE_LABELS = "file labels";

    /** Math answers: the MATH benchmark's normalisation plus numeric equivalence. */
    public static final Grader MATH = new Named("ponder-math", MathEquivalence::equivalent);
    /** Exact string match after trimming. */
    public static final Grader EXACT =
            new Named("exact", (answer, gold) -> answer.strip().equals(gold.strip()));
    /** Multiple choice: the same letter, ignoring case, parentheses and a trailing full stop. */
    public static final Grader MULTIPLE_CHOICE =
            new Named("multiple-choice", (answer, gold) -> letter(answer).equals(letter(gold)));

    /**
     * The MATH benchmark's own {@code is_equiv} and nothing more (Hendrycks et al. 2021, {@code math_equivalence.py}):
     * strings equal after its normalisation, so {@code \sqrt{117}} is not {@code 3\sqrt{13}}; the grader of papers
     * that report MATH with the reference script.
     */
    public static final Grader HENDRYCKS_MATH_STRICT = new Named("hendrycks-math-strict", HendrycksMath::isEquiv);
    /**
     * Qwen2.5-Math's {@code math_equal}: numbers within a relative 1e-4 (percentages too), tuples and matrices element
     * by element, equations, and symbolic equality of expressions; the grader of papers that evaluate with the
     * Qwen2.5-Math evaluation or the math-evaluation-harness it grew from.
     */
    public static final Grader QWEN_MATH = new Named("qwen-math", QwenMath::equivalent);
    /**
     * Relative difference of the answers as numbers at most {@value #NUMERIC_TOLERANCE} (absolute near zero); an answer
     * that is not a number must be the same text.
     */
    public static final Grader NUMERIC = new Named("numeric", Graders::numericallyEqual);

    static final double NUMERIC_TOLERANCE = 1e-4;

    private Graders() {}

    public static List<Grader> all() {
        return List.of(MATH, HENDRYCKS_MATH_STRICT, QWEN_MATH, NUMERIC, EXACT, MULTIPLE_CHOICE);
    }

    private static boolean numericallyEqual(String answer, String gold) {
        Optional<NumericAnswer> a = NumericAnswer.parse(answer);
        Optional<NumericAnswer> g = NumericAnswer.parse(gold);
        if (a.isEmpty() || g.isEmpty()) {
            return answer.strip().equals(gold.strip());
        }
        double x = a.get().value();
        double y = g.get().value();
        return Math.abs(x - y) <= NUMERIC_TOLERANCE * Math.max(1, Math.abs(y));
    }

    /**
     * The grader, grading each distinct answer–gold pair once: for one pass over a run on one thread (a run repeats
     * its answers, and a symbolic comparison can take seconds). It forgets all once it holds {@value #REMEMBERED}
     * pairs, so a run of ever new answers cannot fill the heap.
     */
    public static Grader remembering(Grader grader) {
        Map<String, Boolean> decided = new HashMap<>();
        return new Named(grader.name(), (answer, gold) -> {
            if (decided.size() >= REMEMBERED) {
                decided.clear();
            }
            return decided.computeIfAbsent(answer + '\u0000' + gold, pair -> grader.matches(answer, gold));
        });
    }

    public static Optional<Grader> byName(String name) {
        return all().stream()
                .filter(grader -> grader.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /**
     * The grader for a trace's intermediate answers under a run's grader label: the run's grader where it is one
     * of Ponder's (alone or after file labels), else the math grader.
     */
    public static Grader forTraces(String runGrader) {
        if (runGrader == null) {
            return MATH;
        }
        try {
            return Grading.parse(runGrader).fallback().orElse(MATH);
        } catch (IllegalArgumentException unknown) {
            return MATH;
        }
    }

    private static String letter(String answer) {
        return answer.strip().replaceAll("^\\(|[).]+$", "").strip().toUpperCase(Locale.ROOT);
    }

    private interface Rule {
        boolean matches(String answer, String gold);
    }

    private record Named(String name, Rule rule) implements Grader {
        @Override
        public boolean matches(String extracted, String gold) {
            return rule.matches(extracted, gold);
        }
    }
}
