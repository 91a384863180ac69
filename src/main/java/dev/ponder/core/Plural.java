package dev.ponder.core;

import java.util.Locale;

/** A count with its noun, as a person writes it: "1 sample", "1,204 samples", "0 tree nodes". */
public final class Plural {
    private Plural() {}

    /** {@code noun} is singular and takes an "s" (every noun Ponder counts does). */
    public static String of(long count, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", count, noun, count == 1 ? "" : "s");
    }
}
