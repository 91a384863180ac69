package dev.ponder.cli;

import dev.ponder.core.model.RunSummary;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.store.WorkspaceException;
import java.util.List;

/** Finds the run a command names: by id, or by its exact name when that is unique. */
final class RunSelector {
    private RunSelector() {
    }

    static RunSummary find(Workspace workspace, String run) {
        List<RunSummary> runs = workspace.runSummaries();
        if (run.matches("\\d+")) {
            long id = Long.parseLong(run);
            return runs.stream().filter(summary -> summary.run().id() == id).findFirst()
                    .orElseThrow(() -> missing(workspace, run));
        }
        List<RunSummary> named = runs.stream().filter(summary -> summary.run().name().equals(run)).toList();
        if (named.size() > 1) {
            throw new WorkspaceException(WorkspaceException.Reason.FAILED, workspace.file(), named.size()
                    + " runs are named \"" + run + "\"; name one by its id: "
                    + named.stream().map(summary -> String.valueOf(summary.run().id())).toList());
        }
        return named.stream().findFirst().orElseThrow(() -> missing(workspace, run));
    }

    private static WorkspaceException missing(Workspace workspace, String run) {
        return new WorkspaceException(WorkspaceException.Reason.NOT_FOUND, workspace.file(), "There is no run \"" + run
                + "\" in " + workspace.file().getFileName() + "; `ponder info` lists the runs.");
    }
}
