package dev.ponder.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.app.overview.RunOverviewViewModel.Fact;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOverviewViewModelTest {
    private static final Path SAMPLE = Path.of("sample-runs/tiny-arith-best-of-4.jsonl");

    @TempDir
    Path dir;

    @Test
    void showsTheHeadlineFiguresOfTheSelectedRun() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace.imports().importFile(SAMPLE, ImportOptions.DEFAULT, TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            RunOverviewViewModel viewModel =
                    new RunOverviewViewModel(new DirectTaskRunner(), session, () -> ReflectionMarkers.DEFAULT);

            viewModel.runProperty().set(workspace.runs().summaries().get(0));

            List<Fact> figures = viewModel.figures();
            // 1,207 thinking tokens over 24 samples (stats: 50.3 tokens per sample at k = 1)
            assertThat(figures)
                    .extracting(Fact::label)
                    .containsExactly(
                            "pass@1", "pass@4", "maj@4", "weighted BoN@4", "thinking tokens", "ξ_O outcome efficiency");
            assertThat(figures)
                    .extracting(Fact::value)
                    .containsExactly("75.0%", "100.0%", "100.0%", "100.0%", "50", "0.75");
            assertThat(viewModel.figuresNoteProperty().get()).startsWith("Graded by file labels");

            viewModel.runProperty().set(null);
            assertThat(viewModel.figures()).isEmpty();
        }
    }

    /** A multi-round run's accuracy counts every round, its figures the last: the overview says so. */
    @Test
    void aMultiRoundRunSaysItsFiguresAreOfTheLastRound() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace
                    .imports()
                    .importFile(
                            Path.of("sample-runs/tiny-r1-synthetic-rounds-3.jsonl"),
                            ImportOptions.DEFAULT,
                            TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            RunOverviewViewModel viewModel =
                    new RunOverviewViewModel(new DirectTaskRunner(), session, () -> ReflectionMarkers.DEFAULT);
            viewModel.runProperty().set(workspace.runs().summaries().get(0));
            assertThat(viewModel.figuresNoteProperty().get())
                    .endsWith("Accuracy counts all 288 samples, every round; these figures the 96 of the last round.");
        }
    }
}
