package dev.ponder.app.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.ProblemFilter;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.HeldTasks;
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

    /** A chart's problems under a filter set before: the count says how many the filter hides, and which. */
    @Test
    void aChartsProblemsUnderAnEarlierFilterSayWhatTheFilterHides() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace.imports().importFile(SAMPLE, ImportOptions.DEFAULT, TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            ProblemsViewModel problems =
                    new ProblemsViewModel(new DirectTaskRunner(), session, () -> ReflectionMarkers.DEFAULT);
            problems.runProperty().set(workspace.runs().summaries().get(0));
            ProblemFilter marbles = new ProblemFilter("marbles", null, 0, null, null, false, null);
            problems.filterProperty().set(marbles);
            java.util.Set<Long> everyProblem =
                    problems.rows().stream().map(ProblemRow::problemId).collect(java.util.stream.Collectors.toSet());

            problems.restrictionProperty().set(new ProblemsViewModel.Restriction("pass@1", everyProblem));

            assertThat(problems.shown()).hasSize(1);
            assertThat(problems.statusProperty().get())
                    .isEqualTo("1 of the chart's 6 problems · 5 hidden by “marbles”");
            assertThat(marbles.parts()).singleElement().satisfies(part -> {
                assertThat(part.label()).isEqualTo("“marbles”");
                assertThat(part.without()).isEqualTo(ProblemFilter.ALL);
            });
            problems.filterProperty().set(marbles.parts().get(0).without());
            assertThat(problems.statusProperty().get()).isEqualTo("6 of the chart's 6 problems");
        }
    }

    /** A filter on the traces' facts says it is computing while they are read, never a count that is not yet true. */
    @Test
    void aFilterOnTheTracesSaysComputingUntilTheyAreRead() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace.imports().importFile(SAMPLE, ImportOptions.DEFAULT, TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            HeldTasks tracesLater = new HeldTasks(title -> title.startsWith("Reading the traces"));
            ProblemsViewModel problems = new ProblemsViewModel(tracesLater, session, () -> ReflectionMarkers.DEFAULT);
            problems.runProperty().set(workspace.runs().summaries().get(0));
            problems.filterProperty().set(new ProblemFilter("", null, 0, null, null, true, null));

            assertThat(problems.statusProperty().get())
                    .isEqualTo("computing “right early, kept thinking” from the traces…");

            tracesLater.release();
            assertThat(problems.statusProperty().get()).matches("\\d+ of 6 problems");
        }
    }

    /** Switching runs never shows the run before's problems under "Loading problems…". */
    @Test
    void anotherRunsProblemsAreClearedWhileItsOwnLoad() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace.imports().importFile(SAMPLE, ImportOptions.DEFAULT, TaskContext.NONE);
            workspace
                    .imports()
                    .importFile(
                            Path.of("sample-runs/tiny-reasoner-3-rounds.jsonl"),
                            ImportOptions.DEFAULT,
                            TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            HeldTasks runner = new HeldTasks(title -> false);
            ProblemsViewModel problems = new ProblemsViewModel(runner, session, () -> ReflectionMarkers.DEFAULT);
            problems.runProperty().set(workspace.runs().summaries().get(0));
            assertThat(problems.rows()).hasSize(6);

            runner.hold(title -> true);
            problems.runProperty().set(workspace.runs().summaries().get(1));
            assertThat(problems.rows()).isEmpty();
            assertThat(problems.statusProperty().get()).isEqualTo("Loading problems…");
            runner.hold(title -> false);
            runner.release();
            assertThat(problems.rows()).hasSize(100);
        }
    }
}
