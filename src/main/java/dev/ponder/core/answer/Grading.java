package dev.ponder.core.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a run's verdicts are decided: by the run file's own labels, by one of Ponder's graders, or by the file's
 * labels where it has them and a grader elsewhere. Its {@link #label()} is what a run records as its grader.
 *
 * @param fileLabels whether the file's own verdicts come first
 * @param grader     the grader for answers the file gave no verdict for, or {@code null} to leave them ungraded
 */
public record Grading(boolean fileLabels, Grader grader) {
    private static final String ELSE = ", else ";

    public Grading {
        if (!fileLabels && grader == null) {
            throw new IllegalArgumentException("grading needs file labels or a grader");
        }
    }

    /**
     * Reads {@code file labels}, a grader's name ({@code ponder-math}, {@code exact}, {@code multiple-choice}) or
     * {@code file labels, else ponder-math}, ignoring case.
     */
    public static Grading parse(String text) {
        String name = text.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        String labels = Graders.FILE_LABELS;
        if (lower.equals(labels)) {
            return new Grading(true, null);
        }
        if (lower.startsWith(labels + ",")) {
            String rest = name.substring(labels.length() + 1).strip();
            return new Grading(true, grader(rest.replaceFirst("(?i)^else\\s+", "")));
        }
        return new Grading(false, grader(name));
    }

    /** The gradings offered as a menu: file labels, each of Ponder's graders, and file labels else the math one. */
    public static List<Grading> offered() {
        List<Grading> offered = new ArrayList<>();
        offered.add(new Grading(true, null));
        Graders.all().forEach(grader -> offered.add(new Grading(false, grader)));
        offered.add(new Grading(true, Graders.MATH));
        return offered;
    }

    /** Every choice a user can make, as {@link #parse} reads it. */
    public static String choices() {
        String graders = Graders.all().stream().map(Grader::name).collect(Collectors.joining(", "));
        return Graders.FILE_LABELS + ", " + graders + ", or '" + Graders.FILE_LABELS + ELSE + "<grader>'";
    }

    /** The verdict on one answer. */
    public Boolean verdict(Boolean fileVerdict, String extracted, String gold) {
        if (fileLabels && fileVerdict != null) {
            return fileVerdict;
        }
        return grader == null ? null : grader.grade(extracted, gold);
    }

    /** This grading with each distinct answer–gold pair graded once, for one pass over a run on one thread. */
    public Grading remembering() {
        return grader == null ? this : new Grading(fileLabels, Graders.remembering(grader));
    }

    public Optional<Grader> fallback() {
        return Optional.ofNullable(grader);
    }

    public String label() {
        if (!fileLabels) {
            return grader.name();
        }
        return grader == null ? Graders.FILE_LABELS : Graders.FILE_LABELS + ELSE + grader.name();
    }

    private static Grader grader(String name) {
        return Graders.byName(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown grader '" + name + "'; choose " + choices()));
    }
}
