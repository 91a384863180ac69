package dev.ponder.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.RunComparison;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Compare Runs window shows the numbers {@code ponder compare} prints. */
class RunComparisonViewModelTest {
    @TempDir
    Path dir;

    @Test
    void showsTheSameFiguresAsTheCommandAndEverySharedProblem() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            for (String budget : List.of("032", "064")) {
                workspace
                        .imports()
                        .importFile(
                                Path.of("sample-runs/tiny-reasoner-sweep-budget-" + budget + ".jsonl"),
                                ImportOptions.DEFAULT,
                                TaskContext.NONE);
            }
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            List<RunSummary> runs = workspace.runs().summaries();
            RunComparisonViewModel view =
                    new RunComparisonViewModel(new DirectTaskRunner(), session, runs.get(0), runs.get(1));

            RunComparison same = workspace
                    .analysis()
                    .compare(
                            runs.get(0).run().id(),
                            runs.get(1).run().id(),
                            RunComparison.Solved.MAJORITY,
                            1000,
                            20260101L);
            assertThat(view.rows()).hasSize(same.shared());
            assertThat(view.summaryProperty().get())
                    .contains(String.format(java.util.Locale.ROOT, "McNemar exact p = %.4g", same.exactP()))
                    .contains(String.format(java.util.Locale.ROOT, "Pass rate B − A: %+.4f", same.difference()))
                    .contains("A only " + same.aOnly() + " · B only " + same.bOnly());

            view.onlyProperty().set("B only");
            assertThat(view.shown())
                    .hasSize(same.bOnly())
                    .allMatch(row -> row.solved().equals("B only"));
            view.onlyProperty().set(null);
            assertThat(view.shown()).hasSize(same.shared());

            view.byProperty().set(RunComparison.Solved.FIRST);
            assertThat(view.summaryProperty().get()).contains("(by first)");
        }
    }
}
