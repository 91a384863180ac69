package dev.ponder.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.SampleRef;
import dev.ponder.core.service.Stored;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import dev.ponder.core.trace.ThoughtAlignment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareViewModelTest {
    private static final Path SAMPLE = Path.of("sample-runs/tiny-arith-best-of-4.jsonl");

    @TempDir
    Path dir;

    @Test
    void comparesASampleWithOneOfAnotherRunOfTheSameProblem() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace.imports().importFile(SAMPLE, ImportOptions.DEFAULT, TaskContext.NONE);
            workspace
                    .imports()
                    .importFile(
                            SAMPLE,
                            new ImportOptions(null, null, null, java.util.Map.of(), java.util.Map.of(), true, null),
                            TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            List<SampleRef> refs =
                    Stored.in(workspace).read(tables -> tables.samples().refsOfProblem(1, 100));
            assertThat(refs).hasSize(8);

            CompareViewModel compare =
                    new CompareViewModel(new DirectTaskRunner(), session, () -> ReflectionMarkers.DEFAULT);
            compare.open(refs.get(2).id(), null);

            assertThat(compare.leftProperty().get()).isEqualTo(refs.get(2));
            assertThat(compare.rightProperty().get().runId())
                    .isNotEqualTo(refs.get(2).runId());
            assertThat(compare.rows()).isNotEmpty();

            // the same sample imported twice: every thought the same
            compare.rightProperty()
                    .set(refs.stream()
                            .filter(ref -> ref.runId() != refs.get(2).runId()
                                    && ref.index() == refs.get(2).index())
                            .findFirst()
                            .orElseThrow());
            assertThat(compare.rows()).allMatch(row -> row.kind() == ThoughtAlignment.Kind.SAME);
            assertThat(compare.summaryProperty().get()).contains("the same, 0 changed, 0 only on the left");

            compare.rightProperty().set(refs.get(3));
            assertThat(compare.rows()).anyMatch(row -> row.kind() != ThoughtAlignment.Kind.SAME);
        }
    }
}
