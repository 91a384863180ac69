package dev.ponder.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.AppSettings;
import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.settings.WindowState;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    private static final Path SAMPLE =
            Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    private PonderHome home;
    private WorkspaceSession session;
    private MainViewModel viewModel;
    private AppSettings settings;
    private final List<Notice> notices = new ArrayList<>();

    @BeforeEach
    void setUp() {
        home = new PonderHome(dir.resolve("home"));
        viewModel = newViewModel();
    }

    @AfterEach
    void tearDown() {
        viewModel.shutdown(null);
    }

    @Test
    void theFirstStartCreatesTheDefaultWorkspaceWithTheSampleRuns() {
        viewModel.start(null);
        WorkspaceServices workspace = session.workspace();
        assertThat(workspace.file()).isEqualTo(home.defaultWorkspace());
        assertThat(workspace.runs().summaries())
                .isNotEmpty()
                .anySatisfy(run -> assertThat(run.run().name()).isEqualTo("tiny-arith best-of-4"));
        assertThat(viewModel.titleProperty().get()).isEqualTo("default — Ponder");
        assertThat(viewModel.recentWorkspaces())
                .containsExactly(home.defaultWorkspace().toString());
        assertThat(notices).isEmpty();

        int runs = workspace.runs().summaries().size();
        viewModel.importSampleRuns();
        assertThat(workspace.runs().summaries()).hasSize(runs);
        assertThat(viewModel.statusMessageProperty().get()).isEqualTo("The sample runs are already in this workspace");
        assertThat(notices).isEmpty();
    }

    @Test
    void aWriteWaitingForAnotherProgramSaysSoInTheStatusBar() throws Exception {
        viewModel.start(null);
        WorkspaceServices workspace = session.workspace();
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        Thread other = new Thread(() -> {
            try (Workspace elsewhere = Workspace.open(home.defaultWorkspace())) {
                elsewhere.write(tables -> {
                    tables.runs()
                            .setGrader(workspace.runs().summaries().get(0).run().id(), "ponder-math");
                    holding.countDown();
                    Thread.sleep(2500);
                    return null;
                });
            }
        });
        other.start();
        assertThat(holding.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        long runId = workspace.runs().summaries().get(0).run().id();
        long problemId = workspace.runs().problems(runId).get(0).id();
        workspace.annotations().tagProblem(problemId, "checked", true);
        other.join();
        assertThat(viewModel.statusMessageProperty().get())
                .startsWith("Waiting for another program writing default.ponder");
        assertThat(workspace.annotations().problemTagsOfRun(runId).get(problemId))
                .contains("checked");
    }

    @Test
    void laterStartsReopenTheLastWorkspaceWithoutImportingAgain() {
        Path other = dir.resolve("other.ponder");
        Workspace.create(other).close();
        viewModel.start(null);
        int sampleRuns = session.workspace().runs().summaries().size();
        viewModel.openWorkspace(other);
        viewModel.shutdown(new WindowState(5, 6, 1000, 700, true));

        viewModel = newViewModel();
        assertThat(viewModel.savedWindow()).isEqualTo(new WindowState(5, 6, 1000, 700, true));
        viewModel.start(null);
        assertThat(session.workspace().file()).isEqualTo(other);
        assertThat(viewModel.recentWorkspaces())
                .containsExactly(other.toString(), home.defaultWorkspace().toString());

        viewModel.openWorkspace(home.defaultWorkspace());
        assertThat(session.workspace().runs().summaries()).hasSize(sampleRuns);
    }

    @Test
    void aBrokenLastWorkspaceIsReportedAndTheDefaultOpensInstead() throws Exception {
        Path broken = dir.resolve("broken.ponder");
        Workspace.create(broken).close();
        viewModel.start(null);
        viewModel.openWorkspace(broken);
        viewModel.shutdown(null);
        Files.writeString(broken, "overwritten by something else");

        viewModel = newViewModel();
        viewModel.start(null);
        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(Notice.Kind.ERROR);
            assertThat(notice.title()).isEqualTo("Cannot open broken.ponder");
            assertThat(notice.message()).contains("is not a Ponder workspace");
        });
        assertThat(session.workspace().file()).isEqualTo(home.defaultWorkspace());
        assertThat(viewModel.recentWorkspaces()).doesNotContain(broken.toString());
    }

    @Test
    void aWorkspaceNamedOnTheCommandLineWins() {
        Path named = dir.resolve("named.ponder");
        Workspace.create(named).close();
        viewModel.start(named);
        assertThat(session.workspace().file()).isEqualTo(named);
        assertThat(home.defaultWorkspace()).doesNotExist();
    }

    @Test
    void aNewWorkspaceGetsTheExtensionAndNeverReplacesAFile() throws Exception {
        viewModel.start(null);
        viewModel.newWorkspace(dir.resolve("study"));
        assertThat(session.workspace().file()).isEqualTo(dir.resolve("study.ponder"));
        assertThat(session.workspace().runs().summaries()).isEmpty();

        Path taken = Files.writeString(dir.resolve("taken.ponder"), "precious");
        viewModel.newWorkspace(taken);
        assertThat(notices)
                .singleElement()
                .satisfies(notice -> assertThat(notice.message()).contains("already exists"));
        assertThat(Files.readString(taken)).isEqualTo("precious");
        assertThat(session.workspace().file()).isEqualTo(dir.resolve("study.ponder"));
    }

    @Test
    void clearingRecentForgetsBothLists() {
        viewModel.start(null);
        settings.update(current -> current.withImported(SAMPLE.toString()));
        assertThat(viewModel.recentImports()).containsExactly(SAMPLE.toString());
        viewModel.clearRecent();
        assertThat(viewModel.recentWorkspaces()).isEmpty();
        assertThat(viewModel.recentImports()).isEmpty();
        assertThat(new SettingsStore(home.settingsFile()).load().recentImports())
                .isEmpty();
    }

    private MainViewModel newViewModel() {
        session = new WorkspaceSession();
        settings = new AppSettings(new SettingsStore(home.settingsFile()));
        MainViewModel created = new MainViewModel(new DirectTaskRunner(), session, home, settings);
        created.noticeProperty().addListener((observable, before, notice) -> notices.add(notice));
        return created;
    }
}
