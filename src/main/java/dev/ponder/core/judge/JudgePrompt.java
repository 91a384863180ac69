package dev.ponder.core.judge;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one question a model judge is asked, fixed so that its verdicts mean the same from run to run (its version is
 * part of the judge's name, so a changed prompt asks again), and how its one-word reply is read.
 */
public final class JudgePrompt {
    /** Bumped whenever the text changes: verdicts under another version are another judge's. */
    public static final String VERSION = "v1";

    private static final String TEXT = """
            You are checking the final answer to a math or reasoning problem against the reference answer.
            Decide whether the ANSWER states the same result as the REFERENCE. Equivalent forms are the same \
            (3/2 and 1.5; x^2+2x+1 and (x+1)^2; 10%% and 0.1 when the problem asks for a number), and so are \
            differences of formatting or a unit written or left out. Do not solve the problem and do not judge \
            any reasoning: compare the two results only.

            REFERENCE: %s
            ANSWER: %s

            Reply with one word: Yes if they state the same result, No if they do not.""";

    private static final Pattern WORD = Pattern.compile("\\b(yes|no)\\b", Pattern.CASE_INSENSITIVE);

    private JudgePrompt() {}

    /** The question about one answer against its gold. */
    public static String about(String answer, String gold) {
        return String.format(Locale.ROOT, TEXT, gold.strip(), answer.strip());
    }

    /** The prompt's length without the two answers, for estimating what asking costs. */
    static int fixedLength() {
        return about("", "").length();
    }

    /**
     * The verdict a reply gives: its first "yes" or "no" (any case, markdown around it allowed), {@code null} when it
     * says neither.
     */
    public static Boolean verdict(String reply) {
        if (reply == null) {
            return null;
        }
        Matcher word = WORD.matcher(reply);
        return word.find() ? word.group(1).equalsIgnoreCase("yes") : null;
    }
}
