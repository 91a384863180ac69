package dev.ponder.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.RunComparison;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.PlotData;
import dev.ponder.core.chart.Selection;
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
            List<Selection> opened = new java.util.ArrayList<>();
            RunComparisonViewModel view = new RunComparisonViewModel(
                    new DirectTaskRunner(),
                    session,
                    runs.get(0),
                    runs.get(1),
                    opened::add,
                    () -> dev.ponder.core.trace.ReflectionMarkers.DEFAULT);

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

            // the flip chart counts the same classes, level by level, and a bar opens its problems in run A
            PlotData flips = view.chart().chartProperty().get().data();
            List<PlotData.Series> bars = flips.panels().get(0).series();
            assertThat(bars)
                    .extracting(PlotData.Series::name)
                    .containsExactly("both solve", "A only", "B only", "neither");
            assertThat(bars.get(2).points().stream()
                            .mapToDouble(PlotData.Point::y)
                            .sum())
                    .isEqualTo(same.bOnly());
            assertThat(bars.get(1).points().stream()
                            .mapToDouble(PlotData.Point::y)
                            .sum())
                    .isEqualTo(same.aOnly());
            PlotData.Point bar = bars.get(0).points().stream()
                    .filter(point -> point.y() > 0)
                    .findFirst()
                    .orElseThrow();
            view.chart().open(bar);
            assertThat(opened).singleElement().satisfies(selection -> {
                assertThat(selection.runId()).isEqualTo(runs.get(0).run().id());
                assertThat(selection.problemIds()).hasSize((int) bar.y());
            });

            // each shared problem is one point of the scatter, and a row opens its problem
            view.chart().kindProperty().set(ChartKind.PAIRED_RATES);
            long points = view.chart().chartProperty().get().data().panels().get(0).series().stream()
                    .filter(series -> series.mark() == PlotData.Mark.POINTS)
                    .mapToLong(series -> series.points().size())
                    .sum();
            assertThat(points).isEqualTo(same.shared());
            view.open(view.rows().get(0));

            // a shared problem's first samples in A and B, side by side
            var samples = view.samples(view.rows().get(0));
            assertThat(samples.leftProperty().get().id())
                    .isEqualTo(view.rows().get(0).sampleA());
            assertThat(samples.rightProperty().get().id())
                    .isEqualTo(view.rows().get(0).sampleB());
            assertThat(opened.get(1).problemIds())
                    .containsExactly(view.rows().get(0).problemId());
        }
    }

    @Test
    void runsOfDifferentProblemsSayThereIsNothingToPair() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            for (String file : List.of("tiny-arith-best-of-4.jsonl", "tiny-r1-synthetic-best-of-8.jsonl")) {
                workspace.imports().importFile(Path.of("sample-runs", file), ImportOptions.DEFAULT, TaskContext.NONE);
            }
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            List<RunSummary> runs = workspace.runs().summaries();
            RunComparisonViewModel view = new RunComparisonViewModel(
                    new DirectTaskRunner(),
                    session,
                    runs.get(0),
                    runs.get(1),
                    selection -> {},
                    () -> dev.ponder.core.trace.ReflectionMarkers.DEFAULT);
            assertThat(view.rows()).isEmpty();
            assertThat(view.summaryProperty().get())
                    .contains("The runs share no graded problem")
                    .doesNotContain("NaN");
        }
    }
}
