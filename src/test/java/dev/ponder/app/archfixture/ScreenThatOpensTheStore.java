package dev.ponder.app.archfixture;

import dev.ponder.core.analysis.RunData;
import dev.ponder.core.store.Workspace;
import java.nio.file.Path;
import java.sql.Connection;

/** Breaks the rules on purpose, for ArchitectureRulesBreakTest: a screen that opens the store and speaks SQL. */
public final class ScreenThatOpensTheStore {
    private ScreenThatOpensTheStore() {}

    public static long samples(Path file, long runId) {
        try (Workspace workspace = Workspace.open(file)) {
            return RunData.columns(workspace, runId).samples();
        }
    }

    public static boolean closed(Connection connection) throws Exception {
        return connection.isClosed();
    }
}
