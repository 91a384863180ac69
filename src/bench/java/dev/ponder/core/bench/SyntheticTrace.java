package dev.ponder.core.bench;

import java.util.SplittableRandom;

/**
 * One synthetic R1-style trace: thinking inside {@code <think>…</think>} made of thoughts that compute,
 * reflect ("Wait", "Alternatively", "Hmm", "Let me double-check"), state intermediate boxed answers, and
 * end with a final {@code \boxed{}} answer. Lengths are in synthetic tokens of about four characters.
 */
final class SyntheticTrace {
    private static final String[] OPENINGS = {
        "Okay, let me work through this carefully.", "First, I need to understand what is being asked.",
        "Let me start by writing down what we know.", "So the problem gives us a few quantities."
    };
    private static final String[] STEPS = {
        "Multiplying the two factors gives %d, and adding the carry leaves %d.",
        "If we subtract %d from both sides we get %d on the right.",
        "The partial product of the tens digit is %d, so the running total is %d.",
        "Dividing by the common factor, the numerator becomes %d and the denominator %d.",
        "Squaring %d gives %d, which is larger than the bound.",
        "So after this step the remaining amount is %d, out of %d in total."
    };
    private static final String[] REFLECTIONS = {
        "Wait, let me check that again.", "Hmm, that does not look right.",
                "Alternatively, I could count it differently.",
        "Let me double-check the carry.", "But let me verify this with a smaller case.",
                "Wait, I think I made a mistake."
    };
    private static final String[] CLOSINGS = {"So the answer should be", "Therefore the result is", "That gives"};

    private SyntheticTrace() {}

    /**
     * Writes a trace of about {@code tokens} synthetic tokens that ends with {@code answer}, stating
     * {@code intermediate} answers along the way; returns the number of thinking characters written.
     */
    static int write(StringBuilder out, SplittableRandom random, int tokens, String answer, String[] intermediate) {
        int targetChars = tokens * 4;
        int start = out.length();
        out.append("<think>\n").append(OPENINGS[random.nextInt(OPENINGS.length)]);
        int thoughts = 0;
        while (out.length() - start < targetChars - 80) {
            out.append(random.nextInt(5) == 0 ? "\n\n" : " ");
            int kind = random.nextInt(10);
            if (kind < 6) {
                out.append(String.format(
                        STEPS[random.nextInt(STEPS.length)], random.nextInt(1000), random.nextInt(10_000)));
            } else if (kind < 8) {
                out.append(REFLECTIONS[random.nextInt(REFLECTIONS.length)]);
            } else {
                out.append(CLOSINGS[random.nextInt(CLOSINGS.length)])
                        .append(" \\boxed{")
                        .append(intermediate[thoughts++ % intermediate.length])
                        .append("}.");
            }
        }
        int thinking = out.length() - start - "<think>\n".length();
        out.append("\n</think>\n\nThe final answer is $\\boxed{").append(answer).append("}$.");
        return thinking;
    }
}
