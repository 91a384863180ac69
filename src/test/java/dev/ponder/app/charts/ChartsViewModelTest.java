package dev.ponder.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.app.workbench.WorkbenchViewModel;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.PlotData;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Charts tab's model: following the run browser, remembering choices, drawing, and opening a mark's problems. */
class ChartsViewModelTest {
    private static final Path SAMPLE = Path.of("sample-runs/tiny-arith-best-of-4.jsonl");

    @TempDir
    Path dir;

    @Test
    void aChartFollowsTheRunRemembersItsChoicesAndOpensWhatIsBehindAMark() throws Exception {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace.imports().importFile(SAMPLE, ImportOptions.DEFAULT, TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            RunSummary run = workspace.runs().summaries().get(0);
            SimpleObjectProperty<RunSummary> browser = new SimpleObjectProperty<>();
            var runs = FXCollections.observableArrayList(workspace.runs().summaries());
            Map<ChartKind, ChartSpec> remembered = new EnumMap<>(ChartKind.class);
            ChartMemory memory = new ChartMemory() {
                @Override
                public Optional<ChartSpec> recall(ChartKind kind) {
                    return Optional.ofNullable(remembered.get(kind));
                }

                @Override
                public void remember(ChartSpec spec) {
                    remembered.put(spec.kind(), spec);
                }
            };
            DirectTaskRunner tasks = new DirectTaskRunner();
            SimpleStringProperty problem = new SimpleStringProperty();
            ChartsViewModel charts = new ChartsViewModel(
                    tasks, session, memory, () -> ReflectionMarkers.DEFAULT, browser, runs, problem);
            assertThat(charts.chartProperty().get()).isNull();

            browser.set(run);
            assertThat(charts.specProperty().get().runs())
                    .containsExactly(run.run().id());
            assertThat(charts.chartProperty().get()).isNotNull();
            assertThat(charts.statusProperty().get()).contains("points · drawn in");

            charts.specProperty().set(charts.specProperty().get().withBins(4));
            charts.choose(ChartKind.LENGTH);
            assertThat(charts.chartProperty().get().data().title()).isEqualTo("Accuracy vs length");
            charts.specProperty().set(charts.specProperty().get().withBins(3));
            charts.choose(ChartKind.SCALING);
            assertThat(charts.specProperty().get().bins())
                    .as("scaling's own choices come back")
                    .isEqualTo(4);
            charts.choose(ChartKind.LENGTH);
            assertThat(charts.specProperty().get().bins()).isEqualTo(3);

            problem.set("tiny-arith/0002");
            charts.choose(ChartKind.VOTES);
            assertThat(charts.chartProperty().get().data().title()).isEqualTo("Votes on tiny-arith/0002");

            // Clicking the wrong-answer bar opens that problem with only its wrong samples in the workbench.
            WorkbenchViewModel workbench =
                    new WorkbenchViewModel(tasks, session, () -> ReflectionMarkers.DEFAULT, browser, runs);
            charts.onOpen(workbench::open);
            PlotData.Point wrong = charts.chartProperty().get().data().panels().get(0).series().stream()
                    .filter(series -> series.name().equals("wrong answer"))
                    .findFirst()
                    .orElseThrow()
                    .points()
                    .get(0);
            charts.open(wrong);
            assertThat(workbench.showingProblemsProperty().get()).isTrue();
            assertThat(workbench.problems().shown())
                    .extracting(row -> row.key())
                    .containsExactly("tiny-arith/0002");
            assertThat(workbench.problems().statusProperty().get()).isEqualTo("1 of the chart's 1 problem");
            assertThat(workbench.problems().restrictionProperty().get().description())
                    .startsWith("samples of tiny-arith/0002");
            assertThat(workbench.samples().shown()).hasSize(wrong.n());
            assertThat(workbench.samples().shown())
                    .allMatch(item -> Boolean.FALSE.equals(item.line().correct()));

            workbench.problems().restrictionProperty().set(null);
            assertThat(workbench.problems().shown()).hasSize(6);
            assertThat(workbench.samples().shown()).hasSize(4);
        }
    }

    @Test
    void theBudgetCurveOfASweepRunShowsEveryRunOfItsGroupAndFollowsTheBrowser() throws Exception {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            for (String budget : new String[] {"512", "1024", "2048"}) {
                workspace
                        .imports()
                        .importFile(
                                SAMPLE,
                                ImportOptions.withAttributes(
                                                Map.of("name", "sweep " + budget, "budget", budget, "group", "sweep"))
                                        .evenIfImportedBefore(),
                                TaskContext.NONE);
            }
            workspace
                    .imports()
                    .importFile(
                            SAMPLE,
                            ImportOptions.withAttributes(Map.of("name", "alone", "budget", "64"))
                                    .evenIfImportedBefore(),
                            TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            var runs = FXCollections.observableArrayList(workspace.runs().summaries());
            SimpleObjectProperty<RunSummary> browser = new SimpleObjectProperty<>(runs.get(1));
            ChartsViewModel charts = new ChartsViewModel(
                    new DirectTaskRunner(),
                    session,
                    new ChartMemory() {
                        @Override
                        public Optional<ChartSpec> recall(ChartKind kind) {
                            return Optional.empty();
                        }

                        @Override
                        public void remember(ChartSpec spec) {}
                    },
                    () -> ReflectionMarkers.DEFAULT,
                    browser,
                    runs,
                    new SimpleStringProperty());
            assertThat(charts.specProperty().get().runs())
                    .containsExactly(runs.get(1).run().id());

            charts.choose(ChartKind.BUDGET);
            long[] sweep = runs.stream().limit(3).mapToLong(r -> r.run().id()).toArray();
            assertThat(charts.specProperty().get().runs()).containsExactly(sweep[0], sweep[1], sweep[2]);
            assertThat(charts.chartProperty()
                            .get()
                            .data()
                            .panels()
                            .get(0)
                            .series()
                            .get(0)
                            .points())
                    .hasSize(3);

            browser.set(runs.get(3));
            assertThat(charts.specProperty().get().runs())
                    .containsExactly(runs.get(3).run().id());
            browser.set(runs.get(0));
            assertThat(charts.specProperty().get().runs()).containsExactly(sweep[0], sweep[1], sweep[2]);
        }
    }
}
