package dev.ponder.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.HeldTasks;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace of the sample before never passes for the one asked for while that one is read. */
class InspectorViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theTraceBeforeIsMarkedStaleUntilTheNextIsRead() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            long run = workspace
                    .imports()
                    .importFile(
                            Path.of("sample-runs/tiny-arith-best-of-4.jsonl"), ImportOptions.DEFAULT, TaskContext.NONE)
                    .runId();
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            HeldTasks tasks = new HeldTasks(title -> true);
            InspectorViewModel inspector = new InspectorViewModel(tasks, session, () -> ReflectionMarkers.DEFAULT);
            long problem = workspace.runs().problems(run).get(0).id();
            List<Long> samples = workspace.samples().ofProblem(run, problem).lines().stream()
                    .map(dev.ponder.core.model.SampleLine::id)
                    .toList();

            inspector.sampleIdProperty().set(samples.get(0));
            tasks.release();
            assertThat(inspector.shownProperty().get().sample().id()).isEqualTo(samples.get(0));
            assertThat(inspector.staleProperty().get()).isFalse();

            inspector.sampleIdProperty().set(samples.get(1));
            assertThat(inspector.staleProperty().get())
                    .as("the first sample's trace, under the second's selection")
                    .isTrue();
            tasks.release();
            assertThat(inspector.staleProperty().get()).isFalse();
            assertThat(inspector.shownProperty().get().sample().id()).isEqualTo(samples.get(1));
        }
    }
}
