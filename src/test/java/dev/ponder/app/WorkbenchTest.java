package dev.ponder.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.samples.SamplesViewModel.SampleItem;
import dev.ponder.app.samples.VoteRow;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.model.SearchHit;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the problems workbench headless on a small run: filter the problems, open a problem and a sample, read
 * the inspector's highlighting, search the workspace and open a hit, tag the sample and export it.
 */
class WorkbenchTest {
    private static final Path RUN =
            Path.of("src/test/resources/dev/ponder/app/workbench-run.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final FxRobot robot = new FxRobot();
    private Application app;

    private Optional<Node> shown(String query) {
        return FxLookups.shown(robot, query);
    }

    private Optional<javafx.scene.control.Button> dialogButton(String text) {
        return FxLookups.dialogButton(robot, text);
    }

    @BeforeEach
    void start() throws Exception {
        Path home = TestHomes.welcomed(dir.resolve("home"));
        try (Workspace workspace = Workspace.create(new PonderHome(home).defaultWorkspace())) {
            new Importer(workspace).importFile(RUN, ImportOptions.DEFAULT, TaskContext.NONE);
        }
        app = PonderWindow.open(home, dialogs);
        TableView<RunSummary> runs = robot.lookup("#run-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        robot.interact(() -> runs.getSelectionModel().select(0));
        TabPane tabs = robot.lookup(".workbench").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        assertThat(FxToolkit.toolkitContext().getRegisteredStage()).isNotNull();
    }

    @AfterEach
    void stop() throws Exception {
        PonderWindow.close(app);
    }

    @Test
    void filterProblemsOpenASampleAndSeeItsMarkersAndFirstCorrectAnswer() throws Exception {
        TableView<ProblemRow> problems = robot.lookup("#problems-table").queryTableView();
        waitUntil(() -> problems.getItems().size() == 2);

        robot.clickOn("#problem-filter-text").write("apples");
        waitUntil(() -> problems.getItems().size() == 1
                && problems.getItems().get(0).key().equals("wb/apples"));
        ComboBox<String> majority = robot.lookup("#problem-filter-majority").queryComboBox();
        robot.interact(() -> majority.getSelectionModel().select(2));
        waitUntil(() -> problems.getItems().isEmpty());
        robot.interact(() -> majority.getSelectionModel().select(0));
        robot.interact(() ->
                robot.lookup("#problem-filter-text").queryAs(TextField.class).clear());
        waitUntil(() -> problems.getItems().size() == 2);

        robot.interact(() -> problems.getSelectionModel()
                .select(problems.getItems().stream()
                        .filter(row -> row.key().equals("wb/apples"))
                        .findFirst()
                        .orElseThrow()));
        TableView<VoteRow> votes = robot.lookup("#votes-table").queryTableView();
        TableView<SampleItem> samples = robot.lookup("#samples-table").queryTableView();
        waitUntil(() -> votes.getItems().size() == 2 && samples.getItems().size() == 3);
        assertThat(votes.getItems().get(0).answer()).isEqualTo("42");
        assertThat(votes.getItems().get(0).isGold()).isTrue();
        assertThat(votes.getItems().get(0).votes()).isEqualTo(2);

        robot.interact(() -> votes.getSelectionModel().select(1));
        waitUntil(() -> samples.getItems().size() == 1
                && samples.getItems().get(0).line().answer().equals("360"));
        robot.interact(() -> votes.getSelectionModel().clearSelection());
        waitUntil(() -> samples.getItems().size() == 3);

        CodeArea trace = robot.lookup("#trace-area").queryAs(CodeArea.class);
        waitUntil(() -> trace.getText().contains("So the answer is 32.")
                && !trace.getStyleOfChar(trace.getText().indexOf("Wait") + 1).isEmpty());
        String text = trace.getText();
        assertThat(styleAt(trace, text.indexOf("Wait"))).contains("marker", "inserted", "thinking");
        assertThat(styleAt(trace, text.indexOf("Hmm"))).contains("marker", "after-first-correct");
        assertThat(styleAt(trace, text.indexOf("32."))).contains("answer-wrong");
        int firstCorrect = text.indexOf("So the answer is 42") + "So the answer is ".length();
        assertThat(styleAt(trace, firstCorrect)).contains("answer-right", "first-correct");
        assertThat(styleAt(trace, text.indexOf("\\boxed"))).contains("answer-part");

        robot.interact(() -> samples.getSelectionModel().clearAndSelect(2));
        waitUntil(() -> trace.getText().contains("12 times 30 is 360"));
        assertThat(styleAt(trace, trace.getText().indexOf("answer is 360") + "answer is ".length()))
                .contains("answer-wrong");
    }

    @Test
    void searchTheWorkspaceOpenAHitThenTagTheSampleAndExportIt() throws Exception {
        TableView<ProblemRow> problems = robot.lookup("#problems-table").queryTableView();
        waitUntil(() -> problems.getItems().size() == 2);
        robot.interact(() -> problems.getSelectionModel()
                .select(problems.getItems().stream()
                        .filter(row -> row.key().equals("wb/pears"))
                        .findFirst()
                        .orElseThrow()));
        CodeArea trace = robot.lookup("#trace-area").queryAs(CodeArea.class);
        waitUntil(() -> trace.getText().contains("9 * 7"));

        fire("Search the Workspace…");
        waitUntil(() -> shown("#search-field").isPresent());
        @SuppressWarnings("unchecked")
        ListView<SearchHit> hits = (ListView<SearchHit>) shown("#search-hits").orElseThrow();
        assertThat(((javafx.scene.control.Label) hits.getPlaceholder()).getText())
                .as("nothing is said to be missing before anything is searched")
                .isEmpty();
        robot.clickOn(shown("#search-field").orElseThrow()).write("I made a mistake");
        waitUntil(() -> hits.getItems().size() == 1);
        waitUntil(() -> robot.lookup("#search-status")
                .queryAs(javafx.scene.control.Label.class)
                .getText()
                .startsWith("1 hit in "));
        robot.interact(() -> {
            hits.getSelectionModel().select(0);
            hits.requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.ENTER);

        waitUntil(() ->
                trace.getText().contains("I made a mistake?") && "I made a mistake".equals(trace.getSelectedText()));
        TableView<SampleItem> samples = robot.lookup("#samples-table").queryTableView();
        assertThat(samples.getSelectionModel().getSelectedItem().line().answer())
                .isEqualTo("360");
        fire("Search the Workspace…");
        waitUntil(() -> shown("#search-field").isPresent());
        robot.clickOn(shown("#search-field").orElseThrow()).type(javafx.scene.input.KeyCode.ESCAPE);
        waitUntil(() -> shown("#search-field").isEmpty()); // Esc closes it with the focus in the field
        assertThat(problems.getSelectionModel().getSelectedItem().key()).isEqualTo("wb/apples");

        ComboBox<String> tagInput = robot.lookup("#sample-tag-input").queryComboBox();
        robot.interact(() -> tagInput.getEditor().setText("overthinking"));
        robot.clickOn("#sample-tag-add");
        waitUntil(() -> samples.getItems().stream().anyMatch(item -> item.tags().contains("overthinking")));
        waitUntil(() -> problems.getItems().stream()
                .filter(row -> row.key().equals("wb/apples"))
                .anyMatch(row -> row.tags().contains("overthinking")));
        ComboBox<String> tagFilter = robot.lookup("#problem-filter-tag").queryComboBox();
        robot.interact(() -> tagFilter.setValue("overthinking"));
        waitUntil(() -> problems.getItems().size() == 1);

        Path out = dir.resolve("cases.jsonl");
        dialogs.exportTo = out;
        fire("Export Tagged Samples…");
        waitUntil(() -> dialogButton("OK").isPresent());
        robot.clickOn(dialogButton("OK").orElseThrow());
        waitUntil(() -> Files.exists(out));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .contains("\"problem_key\":\"wb/apples\"")
                .contains("\"tags\":[\"overthinking\"]")
                .contains("I made a mistake?");
    }

    private static Collection<String> styleAt(CodeArea area, int offset) {
        return area.getStyleOfChar(offset + 1);
    }

    /** Fires a menu item of the menu bar by its text, as choosing it would. */
    private void fire(String text) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream()
                .flatMap(menu -> menu.getItems().stream())
                .filter(candidate -> candidate.getText() != null
                        && text.equals(candidate.getText().replace("_", "")))
                .findFirst()
                .orElseThrow();
        // Not waited for: an item may open a dialog that waits for the user.
        WaitForAsyncUtils.asyncFx(item::fire);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try {
                return WaitForAsyncUtils.asyncFx(condition).get();
            } catch (Exception e) {
                return false;
            }
        });
    }
}
