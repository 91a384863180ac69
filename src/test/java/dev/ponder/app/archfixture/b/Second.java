package dev.ponder.app.archfixture.b;

import dev.ponder.app.archfixture.a.First;

/** The other half of the package cycle, on purpose, for ArchitectureRulesBreakTest. */
public final class Second {
    private Second() {}

    public static int previous(int value) {
        return value > 100 ? value : First.next(value) - 1;
    }
}
