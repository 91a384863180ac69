package dev.ponder.cli;

import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --workspace W}, shared by every command. */
final class WorkspaceOption {
    @Option(
            names = {"-w", "--workspace"},
            paramLabel = "W",
            description = "Workspace file (default: default.ponder in $PONDER_HOME, else ~/.ponder).")
    private Path workspace;

    Path file() {
        return workspace != null ? workspace : PonderHome.resolve().defaultWorkspace();
    }

    /** Opens the workspace; refuses a missing, foreign or newer file. */
    WorkspaceServices open() {
        return WorkspaceServices.open(file(), PonderHome.resolve());
    }

    /** Opens the workspace, creating it first where there is no file. */
    WorkspaceServices openOrCreate() {
        return WorkspaceServices.openOrCreate(file(), PonderHome.resolve());
    }

    boolean isDefault() {
        return workspace == null;
    }
}
