package dev.ponder.app.search;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskRunner;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the window's workspace searchable: an import commits a run before its full-text index, so whenever the
 * workspace opens or changes, the runs still without one are indexed in the background, after their figures are on
 * screen; one build at a time, another after it when the workspace changed meanwhile.
 */
final class BackgroundIndexing {
    private static final Logger LOG = Logger.getLogger(BackgroundIndexing.class.getName());

    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private TaskHandle build;
    private WorkspaceServices building;
    private boolean changedSince;

    BackgroundIndexing(TaskRunner tasks, WorkspaceSession session) {
        this.tasks = tasks;
        this.session = session;
        session.revisionProperty().addListener((observable, before, after) -> start());
    }

    private void start() {
        WorkspaceServices workspace = session.workspace();
        boolean running = build != null && !build.isDone();
        if (running && building == workspace) {
            changedSince = true;
            return;
        }
        if (running) {
            build.cancel();
        }
        changedSince = false;
        building = workspace;
        if (workspace == null) {
            build = null;
            return;
        }
        build = tasks.submit(
                "Making the traces searchable",
                context -> {
                    workspace.search().indexPending(context);
                    return null;
                },
                done -> ended(workspace),
                error -> {
                    // a search says what is wrong when it meets the same failure; here it only waits for that
                    LOG.log(Level.INFO, "Background indexing of the traces stopped", error);
                    ended(workspace);
                });
    }

    /** A build for the workspace still shown ended: once more if it changed meanwhile. */
    private void ended(WorkspaceServices workspace) {
        if (workspace == building && changedSince) {
            changedSince = false;
            start();
        }
    }
}
