package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.app.common.AppSettings;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.app.replay.ReplayViewModel;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One replay, asked for once from the command line and once from the Replay screen with the same settings, makes runs
 * with the same names and the same provenance: the defaults are decided once, in the replay service.
 */
class SameReplayPlanTest {
    private static final Path SAMPLE = Path.of("sample-runs/tiny-arith-best-of-4.jsonl");

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    @Test
    void theCommandLineAndTheReplayScreenRecordTheSameProvenance() throws Exception {
        String cliWorkspace = dir.resolve("cli.ponder").toString();
        assertThat(cli.run("import", "-w", cliWorkspace, SAMPLE.toString()))
                .as(cli.err())
                .isZero();
        String problemKey;
        try (WorkspaceServices workspace = WorkspaceServices.open(Path.of(cliWorkspace), new PonderHome(dir))) {
            problemKey = workspace.runs().problems(1).get(0).key();
        }
        cli.clearOut();
        assertThat(cli.run("replay", "1", "-w", cliWorkspace, "--problem", problemKey, "-b", "8,16", "--json"))
                .as(cli.err())
                .isZero();
        JsonNode made = new ObjectMapper().readTree(cli.out());
        List<Run> fromCli = new ArrayList<>();
        try (WorkspaceServices workspace = WorkspaceServices.open(Path.of(cliWorkspace), new PonderHome(dir))) {
            for (JsonNode run : made.get("runs")) {
                fromCli.add(workspace.runs().find(run.get("id").asLong()).orElseThrow());
            }
        }

        List<Run> fromScreen = new ArrayList<>();
        try (WorkspaceServices workspace =
                WorkspaceServices.create(dir.resolve("screen.ponder"), new PonderHome(dir.resolve("screen-home")))) {
            workspace.imports().importFile(SAMPLE, ImportOptions.DEFAULT, TaskContext.NONE);
            RunSummary original = workspace.runs().summaries().get(0);
            ProblemRow problem = workspace
                    .analysis()
                    .problemTable(original.run().id())
                    .stream()
                    .filter(row -> row.key().equals(problemKey))
                    .findFirst()
                    .orElseThrow();
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            ReplayViewModel replay = new ReplayViewModel(
                    new DirectTaskRunner(),
                    session,
                    new AppSettings(new SettingsStore(dir.resolve("settings.json"))),
                    workspace.home(),
                    new SimpleObjectProperty<>(original),
                    FXCollections.observableArrayList(problem),
                    new SimpleObjectProperty<>(problem));
            replay.scopeProperty().set(ReplayViewModel.Scope.SELECTED);
            replay.form().budgetsProperty().set("8, 16");
            List<Long> ids = new ArrayList<>();
            replay.onFinished(ids::addAll);
            replay.start();
            assertThat(replay.noticeProperty().get()).isNull();
            for (long id : ids) {
                fromScreen.add(workspace.runs().find(id).orElseThrow());
            }
        }

        assertThat(fromScreen).hasSize(2);
        assertThat(fromScreen)
                .extracting(Run::name)
                .containsExactlyElementsOf(fromCli.stream().map(Run::name).toList())
                .containsExactly(
                        "Budget sweep of tiny-arith best-of-4 (tiny-reasoner) · budget 8",
                        "Budget sweep of tiny-arith best-of-4 (tiny-reasoner) · budget 16");
        for (int i = 0; i < fromCli.size(); i++) {
            assertThat(fromScreen.get(i).params()).isEqualTo(fromCli.get(i).params());
            assertThat(fromScreen.get(i).model()).isEqualTo(fromCli.get(i).model());
            assertThat(fromScreen.get(i).strategy()).isEqualTo(fromCli.get(i).strategy());
            assertThat(fromScreen.get(i).grader()).isEqualTo(fromCli.get(i).grader());
        }
        assertThat(fromCli.get(0).params())
                .containsEntry("budget", "8")
                .containsEntry("temperature", "0.8")
                .containsEntry("max_thinking_tokens", "2048")
                .containsEntry("max_answer_tokens", "256")
                .containsEntry("replay_of", "tiny-arith best-of-4");
    }
}
