package dev.ponder.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window indexes the runs an import committed without their index, once the workspace opens or changes. */
class BackgroundIndexingTest {
    private static final Path RUN =
            Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void runsCommittedWithoutTheirIndexAreIndexedWhenTheWorkspaceOpensAndWhenItChanges() {
        WorkspaceSession session = new WorkspaceSession();
        new BackgroundIndexing(new DirectTaskRunner(), session);
        try (WorkspaceServices workspace =
                WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir.resolve("home")))) {
            long first = workspace
                    .imports()
                    .importFile(RUN, ImportOptions.DEFAULT, TaskContext.NONE)
                    .runId();
            assertThat(workspace.search().unindexedRuns()).containsExactly(first);
            session.replace(workspace);
            assertThat(workspace.search().unindexedRuns())
                    .as("indexed on opening")
                    .isEmpty();

            workspace.imports().importFile(RUN, ImportOptions.DEFAULT.evenIfImportedBefore(), TaskContext.NONE);
            assertThat(workspace.search().unindexedRuns()).hasSize(1);
            session.changed();
            assertThat(workspace.search().unindexedRuns())
                    .as("indexed on a change")
                    .isEmpty();
            session.replace(null);
        }
    }
}
