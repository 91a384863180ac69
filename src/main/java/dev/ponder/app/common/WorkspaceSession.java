package dev.ponder.app.common;

import dev.ponder.core.service.WorkspaceServices;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The workspace the window shows, shared by every screen, and a revision that moves whenever its
 * content changes (an import, a deletion) so screens know to reload. Used on the FX thread only.
 */
public final class WorkspaceSession {
    private final ReadOnlyObjectWrapper<WorkspaceServices> workspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();

    public ReadOnlyObjectProperty<WorkspaceServices> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public WorkspaceServices workspace() {
        return workspace.get();
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Shows another workspace; returns the one shown before (for the caller to close), or {@code null}. */
    public WorkspaceServices replace(WorkspaceServices next) {
        WorkspaceServices previous = workspace.get();
        workspace.set(next);
        revision.set(revision.get() + 1);
        return previous;
    }

    private Long runToShow;
    private final javafx.beans.property.ReadOnlyStringWrapper filling =
            new javafx.beans.property.ReadOnlyStringWrapper("");

    /** What is bringing runs into the workspace just now ("Importing the sample runs…"), or empty. */
    public javafx.beans.property.ReadOnlyStringProperty fillingProperty() {
        return filling.getReadOnlyProperty();
    }

    /** Says what is bringing runs in ({@code ""} once it is done), so an empty list does not read as "no runs". */
    public void filling(String what) {
        filling.set(what == null ? "" : what);
    }

    /** Says the current workspace's content changed. */
    public void changed() {
        revision.set(revision.get() + 1);
    }

    /** Says the content changed by making this run (an import), which the run browser then selects. */
    public void changed(long madeRun) {
        runToShow = madeRun;
        changed();
    }

    /** The run the last change made, for the run browser to select; asked once. */
    public Long takeRunToShow() {
        Long run = runToShow;
        runToShow = null;
        return run;
    }
}
