package dev.ponder.app.archfixture.a;

import dev.ponder.app.archfixture.b.Second;

/** One half of a package cycle, on purpose, for ArchitectureRulesBreakTest. */
public final class First {
    private First() {}

    public static int next(int value) {
        return Second.previous(value) + 2;
    }
}
