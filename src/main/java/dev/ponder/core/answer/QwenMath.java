package dev.ponder.core.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Qwen2.5-Math's {@code math_equal} ({@code evaluation/grader.py}), step by step in the reference's order: equal
 * strings ignoring case; a choice letter; equal numbers within a relative 1e-4, the gold also read as a percentage
 * ({@code 10%} is {@code 0.1}); brackets ignored; tuples, intervals and matrices element by element; equations side
 * by side; and last {@link SymbolicEquality symbolic equality}. Both answers are first normalised with the MATH
 * {@code strip_string}, as the reference's parser normalises them before grading (its own version strips a little
 * more, e.g. units in {@code \text{}}).
 */
final class QwenMath {
    private static final Set<String> CHOICES = Set.of("A", "B", "C", "D", "E");
    private static final Pattern CHOICE = Pattern.compile("\\b([A-E])\\b");
    private static final Pattern LIST = Pattern.compile("^[(\\[].+[)\\]]");
    private static final Pattern BRACED_ROW = Pattern.compile("\\{.*,.*\\}");
    private static final String PMATRIX = "\\begin{pmatrix}";
    private static final String PMATRIX_END = "\\end{pmatrix}";
    private static final double RELATIVE_TOLERANCE = 1e-4;

    private QwenMath() {}

    /** The grader's verdict on normalised answers. */
    static boolean equivalent(String answer, String gold) {
        return mathEqual(normalised(answer), normalised(gold));
    }

    private static String normalised(String answer) {
        try {
            return HendrycksMath.stripString(answer);
        } catch (HendrycksMath.StripFailure unchanged) {
            return answer;
        }
    }

    static boolean mathEqual(String prediction, String reference) {
        if (prediction.strip().toLowerCase(Locale.ROOT).equals(reference.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (CHOICES.contains(reference) && choice(prediction).equals(reference)) {
            return true;
        }
        if (numericallyEqual(prediction, reference)) {
            return true;
        }
        if (digits(prediction) != null && digits(reference) != null) {
            // two numbers the step above found apart: the reference goes on to compare the same two values
            // symbolically and numerically, and finds them apart again
            return false;
        }
        if (prediction.isEmpty()) {
            return false;
        }
        String predicted = prediction.strip();
        String gold = reference.strip();
        if (predicted.contains("pmatrix") && !gold.contains("pmatrix")) {
            gold = toPmatrix(gold);
        }
        String predictedBare = predicted;
        String goldBare = gold;
        if ((enclosed(predictedBare, "[", "]") && !enclosed(goldBare, "(", ")"))
                || (enclosed(predictedBare, "(", ")") && !enclosed(goldBare, "[", "]"))) {
            predictedBare = strip(predictedBare, "[]()");
            goldBare = strip(goldBare, "[]()");
        }
        predictedBare = predictedBare.replaceAll("[{}()]", "");
        goldBare = goldBare.replaceAll("[{}()]", "");
        if (predictedBare.toLowerCase(Locale.ROOT).equals(goldBare.toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (LIST.matcher(predicted).find() && LIST.matcher(gold).find()) {
            return sameParts(
                    List.of(predicted.substring(1, predicted.length() - 1).split(",", -1)),
                    List.of(gold.substring(1, gold.length() - 1).split(",", -1)));
        }
        if (matrix(predicted) && matrix(gold)) {
            return sameMatrix(predicted, gold);
        }
        if (count(predicted, '=') == 1 && count(gold, '=') == 1) {
            String difference = asDifference(predicted);
            String goldDifference = asDifference(gold);
            return SymbolicEquality.equal(difference, goldDifference)
                    || SymbolicEquality.equal("-(" + difference + ")", goldDifference);
        }
        if (simpleEquation(predicted) && !gold.contains("=")) {
            return mathEqual(predicted.split("=", -1)[1], gold);
        }
        if (simpleEquation(gold) && !predicted.contains("=")) {
            return mathEqual(predicted, gold.split("=", -1)[1]);
        }
        return SymbolicEquality.equal(predicted, gold);
    }

    /** {@code choice_answer_clean}: the last standalone letter A–E, else the text without its trailing dots. */
    static String choice(String prediction) {
        String cleaned = prediction.replaceAll("^\\n+|\\n+$", "");
        cleaned = cleaned.replaceAll("\\.+$", "").replaceAll("/+$", "");
        cleaned = strip(cleaned, " ").replaceAll("^:+", "");
        Matcher letters = CHOICE.matcher(cleaned.toUpperCase(Locale.ROOT));
        String last = null;
        while (letters.find()) {
            last = letters.group(1);
        }
        String picked = last != null ? last : strip(cleaned.strip(), ".");
        return picked.replaceAll("\\.+$", "").replaceAll("/+$", "");
    }

    /** {@code is_numerical_equal} with percentages: the prediction against the gold, gold / 100 and gold × 100. */
    static boolean numericallyEqual(String prediction, String reference) {
        Double predicted = digits(prediction);
        Double gold = digits(reference);
        if (predicted == null || gold == null) {
            return false;
        }
        for (double candidate : new double[] {gold / 100, gold, gold * 100}) {
            if (isClose(candidate, predicted)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The reference's {@code numeric_equal}, Python's {@code math.isclose(a, b, rel_tol=1e-4)}: equal values, or finite
     * values within a relative 1e-4 of the larger; an infinity is close only to itself, NaN to nothing.
     */
    static boolean isClose(double a, double b) {
        if (a == b) {
            return true;
        }
        if (Double.isInfinite(a) || Double.isInfinite(b)) {
            return false;
        }
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** {@code parse_digits}: a Python float once commas are removed, or a percentage of one. */
    static Double digits(String text) {
        String number = text.replace(",", "");
        Double value = pythonFloat(number);
        if (value != null || !number.endsWith("%")) {
            return value;
        }
        number = number.substring(0, number.length() - 1);
        if (number.endsWith("\\")) {
            number = number.substring(0, number.length() - 1);
        }
        Double percent = pythonFloat(number);
        return percent == null ? null : percent / 100;
    }

    private static final Pattern PYTHON_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.?\\d(?:_?\\d)*(?:[eE][+-]?\\d(?:_?\\d)*)?|\\d(?:_?\\d)*\\.|inf(?:inity)?|nan)",
            Pattern.CASE_INSENSITIVE);

    private static Double pythonFloat(String text) {
        String trimmed = text.strip();
        if (!PYTHON_FLOAT.matcher(trimmed).matches()) {
            return null;
        }
        String plain = trimmed.replace("_", "").toLowerCase(Locale.ROOT);
        if (plain.contains("inf")) {
            return plain.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (plain.contains("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(plain);
    }

    private static String toPmatrix(String reference) {
        Matcher rows = BRACED_ROW.matcher(reference.strip());
        List<String> matrices = new ArrayList<>();
        while (rows.find()) {
            String row = strip(rows.group(), "{}");
            matrices.add(PMATRIX + row.replace(",", "\\") + PMATRIX_END);
        }
        return String.join(", ", matrices);
    }

    private static boolean sameParts(List<String> predicted, List<String> gold) {
        if (predicted.size() != gold.size()) {
            return false;
        }
        for (int i = 0; i < predicted.size(); i++) {
            if (!mathEqual(predicted.get(i), gold.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matrix(String text) {
        return (text.startsWith(PMATRIX) || text.startsWith("\\begin{bmatrix}"))
                && (text.endsWith(PMATRIX_END) || text.endsWith("\\end{bmatrix}"));
    }

    private static boolean sameMatrix(String predicted, String gold) {
        List<String> predictedRows = rows(predicted);
        List<String> goldRows = rows(gold);
        if (predictedRows.size() != goldRows.size()) {
            return false;
        }
        for (int i = 0; i < predictedRows.size(); i++) {
            if (!sameParts(
                    List.of(predictedRows.get(i).split("&", -1)),
                    List.of(goldRows.get(i).split("&", -1)))) {
                return false;
            }
        }
        return true;
    }

    /** The reference cuts the {@code pmatrix} markers' length from both ends, whichever kind of matrix it is. */
    private static List<String> rows(String matrix) {
        String body =
                matrix.substring(PMATRIX.length(), Math.max(PMATRIX.length(), matrix.length() - PMATRIX_END.length()));
        List<String> rows = new ArrayList<>();
        for (String line : body.split(Pattern.quote("\\\\"), -1)) {
            if (!line.strip().isEmpty()) {
                rows.add(line.strip());
            }
        }
        return rows;
    }

    private static String asDifference(String equation) {
        String[] sides = equation.split("=", -1);
        return sides[0].strip() + " - (" + sides[1].strip() + ")";
    }

    private static boolean simpleEquation(String text) {
        return count(text, '=') == 1 && text.split("=", -1)[0].strip().length() <= 2;
    }

    private static boolean enclosed(String text, String start, String end) {
        return text.startsWith(start) && text.endsWith(end);
    }

    /** Python's {@code str.strip(chars)}. */
    private static String strip(String text, String chars) {
        int from = 0;
        int to = text.length();
        while (from < to && chars.indexOf(text.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && chars.indexOf(text.charAt(to - 1)) >= 0) {
            to--;
        }
        return text.substring(from, to);
    }

    private static int count(String text, char wanted) {
        return (int) text.chars().filter(c -> c == wanted).count();
    }
}
