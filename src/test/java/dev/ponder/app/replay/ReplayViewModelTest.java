package dev.ponder.app.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.AppSettings;
import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.model.Sample;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.ReplayStrategy;
import dev.ponder.core.service.Stored;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Replay tab's model: branch from a trace position on the tiny model, bad settings said at once, connections. */
class ReplayViewModelTest {
    private static final Path SAMPLE = Path.of("sample-runs/tiny-arith-best-of-4.jsonl");

    @TempDir
    Path dir;

    private ReplayViewModel model(
            WorkspaceServices workspace,
            AppSettings settings,
            SimpleObjectProperty<RunSummary> run,
            ObservableList<ProblemRow> shown) {
        WorkspaceSession session = new WorkspaceSession();
        session.replace(workspace);
        return new ReplayViewModel(
                new DirectTaskRunner(),
                session,
                settings,
                new PonderHome(dir),
                run,
                shown,
                new SimpleObjectProperty<>());
    }

    @Test
    void branchFromHereAddsARunOfContinuationsUnderTheOriginalTrace() throws Exception {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace.imports().importFile(SAMPLE, ImportOptions.DEFAULT, TaskContext.NONE);
            RunSummary original = workspace.runs().summaries().get(0);
            Sample source = Stored.in(workspace).read(tables -> {
                Problem first = tables.problems().ofRun(original.run().id()).get(0);
                return tables.samples()
                        .ofProblem(original.run().id(), first.id())
                        .get(0);
            });
            ReplayViewModel replay = model(
                    workspace,
                    new AppSettings(new SettingsStore(dir.resolve("settings.json"))),
                    new SimpleObjectProperty<>(original),
                    FXCollections.observableArrayList());
            List<Long> made = new ArrayList<>();
            replay.onFinished(made::addAll);
            int position = source.text().indexOf('\n', 10) + 1;
            replay.branchFrom(source.id(), position, "sample " + source.id());
            assertThat(replay.form().strategyProperty().get()).isEqualTo(ReplayStrategy.BRANCH);
            assertThat(replay.form().budgetsProperty().get())
                    .as("a sweep's budgets do not silently cap a branch")
                    .isEmpty();
            replay.form().samplesProperty().set(3);
            replay.start();

            assertThat(replay.noticeProperty().get()).isNull();
            assertThat(made).hasSize(1);
            List<Sample> samples = Stored.in(workspace).read(tables -> {
                List<Sample> all = new ArrayList<>();
                for (Problem p : tables.problems().ofRun(made.get(0))) {
                    all.addAll(tables.samples().ofProblem(made.get(0), p.id()));
                }
                return all;
            });
            assertThat(samples).hasSize(4);
            assertThat(samples)
                    .filteredOn(s -> s.parentSampleId() != null)
                    .hasSize(3)
                    .allSatisfy(
                            s -> assertThat(s.text()).startsWith(source.text().substring(0, position)));
            replay.live().poll();
            assertThat(replay.live().units()).hasSize(3);
            assertThat(replay.live().messageProperty().get())
                    .startsWith("Replay finished: 3 samples generated, 1 run added.");
            assertThat(replay.runningProperty().get()).isFalse();
            replay.close();
        }
    }

    @Test
    void aWrongBudgetOrNoProblemsIsSaidBeforeAnythingRuns() throws Exception {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            SimpleObjectProperty<RunSummary> run = new SimpleObjectProperty<>();
            ReplayViewModel replay = model(
                    workspace,
                    new AppSettings(new SettingsStore(dir.resolve("settings.json"))),
                    run,
                    FXCollections.observableArrayList());
            replay.start();
            Notice notice = replay.noticeProperty().get();
            assertThat(notice.message()).isEqualTo("Choose a run whose problems to replay.");
            replay.form().budgetsProperty().set("16, 4k");
            replay.start();
            assertThat(replay.noticeProperty().get().message()).contains("'4k' is not one");
            replay.form().budgetsProperty().set("");
            replay.start();
            assertThat(replay.noticeProperty().get().message()).contains("at least one thinking budget");
            assertThat(replay.runningProperty().get()).isFalse();
        }
    }

    @Test
    void aSavedConnectionIsOfferedAndItsTypedKeyStaysInTheOwnerOnlySettingsFile() throws Exception {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            Path file = dir.resolve("settings.json");
            AppSettings settings = new AppSettings(new SettingsStore(file));
            ReplayViewModel replay =
                    model(workspace, settings, new SimpleObjectProperty<>(), FXCollections.observableArrayList());
            assertThat(replay.connections().all())
                    .extracting(ModelConnection::name)
                    .containsExactly(ModelConnection.TINY_NAME);
            replay.connections()
                    .save(ModelConnection.server(
                                    "lab vLLM",
                                    "http://127.0.0.1:1/v1",
                                    "Qwen/QwQ-32B",
                                    "PONDER_TEST_NO_SUCH_VARIABLE",
                                    "chatml")
                            .withStoredKey("sk-typed-secret"));
            assertThat(replay.connections().all())
                    .extracting(ModelConnection::name)
                    .containsExactly(ModelConnection.TINY_NAME, "lab vLLM");
            assertThat(replay.connections().chosenProperty().get().name()).isEqualTo("lab vLLM");
            assertThat(new SettingsStore(file).load().connections().get(0).resolveKey(System.getenv()))
                    .isEqualTo("sk-typed-secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(replay.connections().chosenProperty().get().toString()).doesNotContain("sk-typed-secret");

            List<String> answers = new ArrayList<>();
            replay.connections().test(replay.connections().chosenProperty().get(), answers::add);
            assertThat(answers).singleElement().asString().startsWith("Failed: No server answers at");
        }
    }
}
