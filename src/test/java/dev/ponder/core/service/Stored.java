package dev.ponder.core.service;

import dev.ponder.core.store.Workspace;

/** Tests' way to the workspace behind the services, to check what they stored. */
public final class Stored {
    private Stored() {}

    public static Workspace in(WorkspaceServices services) {
        return services.store();
    }
}
