package dev.ponder.app.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.ProblemFilter;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemsViewModelTest {
    private static final Path SAMPLE = Path.of("sample-runs/tiny-arith-best-of-4.jsonl");

    @TempDir
    Path dir;

    @Test
    void rowsFilterSavedFiltersAndRevealingAProblem() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace.imports().importFile(SAMPLE, ImportOptions.DEFAULT, TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            ProblemsViewModel problems =
                    new ProblemsViewModel(new DirectTaskRunner(), session, () -> ReflectionMarkers.DEFAULT);
            problems.runProperty().set(workspace.runs().summaries().get(0));

            assertThat(problems.rows()).hasSize(6);
            assertThat(problems.statusProperty().get()).isEqualTo("6 problems");
            // the traces were read: every problem has a sample that states a correct answer
            assertThat(problems.rows()).allMatch(row -> !Double.isNaN(row.firstCorrectAt()));

            problems.filterProperty().set(new ProblemFilter("marbles", null, 0, null, null, false, null));
            assertThat(problems.shown()).extracting(ProblemRow::key).containsExactly("tiny-arith/0006");
            assertThat(problems.statusProperty().get()).isEqualTo("1 of 6 problems");
            problems.saveFilter("marbles");
            assertThat(problems.savedFilters()).containsExactly("marbles");

            problems.filterProperty().set(ProblemFilter.ALL);
            problems.applySavedFilter("marbles");
            assertThat(problems.shown()).hasSize(1);

            long other = problems.rows().get(0).problemId();
            problems.reveal(other);
            assertThat(problems.selectedProperty().get().problemId()).isEqualTo(other);
            assertThat(problems.filterProperty().get()).isEqualTo(ProblemFilter.ALL);

            problems.deleteSavedFilter("marbles");
            assertThat(problems.savedFilters()).isEmpty();
        }
    }
}
