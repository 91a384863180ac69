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
        return saying(WorkspaceServices.open(file(), PonderHome.resolve()));
    }

    /** Opens the workspace, creating it first where there is no file. */
    WorkspaceServices openOrCreate() {
        return saying(WorkspaceServices.openOrCreate(file(), PonderHome.resolve()));
    }

    /** A write that waits for another program writing the workspace says so on the terminal. */
    private static WorkspaceServices saying(WorkspaceServices workspace) {
        workspace.onWaitingForWriter(message -> {
            System.err.println("ponder: " + message);
            System.err.flush();
        });
        return workspace;
    }

    boolean isDefault() {
        return workspace == null;
    }
}
