package dev.ponder.core.replay;

import java.util.List;

/**
 * A reasoning model without weights, for loopback servers: one character is one token, and what it writes after a
 * ChatML prompt depends only on the text so far and the request's seed. It opens its thinking, thinks a seed-given
 * number of characters (twelve more after each "Wait" written into its thinking), closes it, and answers
 * {@code \boxed{N}}; after a thinking closed by someone else it answers at once. So a continuation cut by a token
 * limit and asked again goes on exactly where it stopped, and a replay against it is the same replay every time.
 */
public final class ScriptedReasoner {
    /** Thinks 24 to 71 characters. */
    public static final ScriptedReasoner STANDARD = new ScriptedReasoner(24, 48);

    static final String ASSISTANT = "<|im_start|>assistant\n";
    static final String END_OF_TURN = "<|im_end|>";
    private static final String THINK = "<think>";
    private static final String THINK_END = "</think>";
    private static final String LETTERS = "abcdefghijklmno ";

    private final int shortest;
    private final int spread;

    /** A model that thinks {@code shortest} to {@code shortest + spread - 1} characters, as the seed draws. */
    public ScriptedReasoner(int shortest, int spread) {
        this.shortest = shortest;
        this.spread = spread;
    }

    /** What the model writes, and why it stopped: "stop" (end of turn or a stop string) or "length". */
    public record Continuation(String text, String finish) {}

    /** The continuation of {@code prompt} drawn with {@code seed}, cut by {@code stop} strings and {@code maxTokens}. */
    public Continuation continueFrom(String prompt, long seed, int maxTokens, List<String> stop) {
        int at = prompt.lastIndexOf(ASSISTANT);
        String written = at < 0 ? prompt : prompt.substring(at + ASSISTANT.length());
        String rest = intended(written, seed);
        int cut = rest.indexOf(END_OF_TURN);
        for (String s : stop) {
            int found = s.isEmpty() ? -1 : rest.indexOf(s);
            if (found >= 0 && (cut < 0 || found < cut)) {
                cut = found;
            }
        }
        String text = cut < 0 ? rest : rest.substring(0, cut);
        if (text.length() > maxTokens) {
            return new Continuation(text.substring(0, maxTokens), "length");
        }
        return new Continuation(text, "stop");
    }

    /** Everything the model would write after {@code written}, up to and with its end of turn. */
    private String intended(String written, long seed) {
        String answer = "\nThe answer is \\boxed{" + (Math.floorMod(mix(seed ^ 0x5bd1e995L), 3) + 4) + "}";
        int opened = written.indexOf(THINK);
        if (opened < 0) {
            String open = THINK + "\n";
            String still = open.startsWith(written) ? open.substring(written.length()) : open;
            return still + thought(seed, 0, length(seed)) + THINK_END + answer + END_OF_TURN;
        }
        int closed = written.indexOf(THINK_END, opened);
        if (closed < 0) {
            int start = opened + THINK.length();
            if (written.length() == start) {
                return "\n" + thought(seed, 0, length(seed)) + THINK_END + answer + END_OF_TURN;
            }
            start += written.startsWith("\n", start) ? 1 : 0;
            String thinking = written.substring(start);
            int target = length(seed) + 12 * count(thinking, "Wait");
            return thought(seed, thinking.length(), target) + THINK_END + answer + END_OF_TURN;
        }
        String after = written.substring(closed + THINK_END.length());
        if (answer.startsWith(after)) {
            return answer.substring(after.length()) + END_OF_TURN;
        }
        String boxed = answer.substring(answer.indexOf(" \\boxed"));
        int overlap = Math.min(after.length(), boxed.length());
        while (overlap > 0 && !after.endsWith(boxed.substring(0, overlap))) {
            overlap--;
        }
        return boxed.substring(overlap) + END_OF_TURN;
    }

    /** How many characters the model thinks before it would close its thinking. */
    int length(long seed) {
        return shortest + Math.floorMod(mix(seed), spread);
    }

    /** Characters {@code from} to {@code to} of the thought drawn with {@code seed}. */
    private static String thought(long seed, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(LETTERS.charAt((int) (mix(seed * 1_000_003L + i) & 15)));
        }
        return b.toString();
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
            n++;
        }
        return n;
    }

    /** SplitMix64's finaliser: a well-spread hash of a long. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
