package dev.ponder.core.settings;

import dev.ponder.core.answer.Graders;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.tokens.TokenCounters;
import java.util.Objects;

/**
 * The choices made in Settings: how Ponder looks, and the defaults new work starts from.
 *
 * @param theme         light, dark, or as the system is set
 * @param fontSize      the interface font size in pixels (figures keep their own, in points)
 * @param defaultGrader the grader imports and replays use for samples their file does not grade
 * @param tokenizer     what counts the tokens a file does not count: {@code cl100k}, {@code o200k} or the path of a
 *                      model's {@code tokenizer.json}
 * @param chartStyle    the size and font charts start with
 */
public record Preferences(Theme theme, double fontSize, String defaultGrader, String tokenizer, PaperStyle chartStyle) {
    public static final double MIN_FONT_SIZE = 9;
    public static final double MAX_FONT_SIZE = 24;
    public static final Preferences DEFAULTS =
            new Preferences(Theme.SYSTEM, 13, Graders.MATH.name(), TokenCounters.CL100K, PaperStyle.SINGLE_COLUMN);

    /** Checks every choice; a wrong one fails with a message that names it and says what is allowed. */
    public Preferences {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(chartStyle, "chartStyle");
        if (!(fontSize >= MIN_FONT_SIZE && fontSize <= MAX_FONT_SIZE)) {
            throw new IllegalArgumentException("The font size must be " + (int) MIN_FONT_SIZE + " to "
                    + (int) MAX_FONT_SIZE + " px, not " + fontSize + ".");
        }
        if (defaultGrader == null || Graders.byName(defaultGrader).isEmpty()) {
            throw new IllegalArgumentException("Unknown grader '" + defaultGrader + "': choose one of "
                    + String.join(
                            ", ",
                            Graders.all().stream().map(grader -> grader.name()).toList()) + ".");
        }
        if (tokenizer == null || tokenizer.isBlank()) {
            throw new IllegalArgumentException("Choose a tokenizer: " + TokenCounters.CL100K + ", "
                    + TokenCounters.O200K + " or a model's tokenizer.json.");
        }
        tokenizer = tokenizer.strip();
    }

    public Preferences withTheme(Theme newTheme) {
        return new Preferences(newTheme, fontSize, defaultGrader, tokenizer, chartStyle);
    }

    public Preferences withFontSize(double newFontSize) {
        return new Preferences(theme, newFontSize, defaultGrader, tokenizer, chartStyle);
    }

    public Preferences withDefaultGrader(String newGrader) {
        return new Preferences(theme, fontSize, newGrader, tokenizer, chartStyle);
    }

    public Preferences withTokenizer(String newTokenizer) {
        return new Preferences(theme, fontSize, defaultGrader, newTokenizer, chartStyle);
    }

    public Preferences withChartStyle(PaperStyle newStyle) {
        return new Preferences(theme, fontSize, defaultGrader, tokenizer, newStyle);
    }
}
