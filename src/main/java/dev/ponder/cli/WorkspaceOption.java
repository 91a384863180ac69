package dev.ponder.cli;

import dev.ponder.core.settings.PonderHome;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workspace W}, shared by every command. */
final class WorkspaceOption {
    @Option(names = {"-w", "--workspace"}, paramLabel = "W",
            description = "Workspace file (default: default.ponder in $PONDER_HOME, else ~/.ponder).")
    private Path workspace;

    Path file() {
        return workspace != null ? workspace : PonderHome.resolve().defaultWorkspace();
    }

    boolean isDefault() {
        return workspace == null;
    }
}
