package dev.ponder.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.replay.ReplayViewModel;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.replay.ReplayStrategy;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Selects a problem, runs a budget-forcing replay on the tiny model from the Replay tab, and sees what it made. */
class ReplayTabTest {
    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        app = PonderWindow.open(TestHomes.welcomed(dir.resolve("home")), new ScriptedDialogs());
    }

    @AfterEach
    void stop() throws Exception {
        PonderWindow.close(app);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBudgetSweepOfTheSelectedProblemStreamsItsTracesAndAddsOneRunPerBudget() throws Exception {
        TableView<RunSummary> runs = robot.lookup("#run-table").queryTableView();
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> !runs.getItems().isEmpty()
                        && robot.lookup("#status-message")
                                .queryAs(Label.class)
                                .getText()
                                .startsWith("Imported"));
        int before = runs.getItems().size();
        robot.interact(() -> runs.getSelectionModel().select(0));
        assertThat(runs.getItems().get(0).run().name()).isEqualTo("tiny-arith best-of-4");
        TabPane tabs = robot.lookup(".workbench").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TableView<ProblemRow> problems = robot.lookup("#problems-table").queryTableView();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> problems.getItems().size() == 6);
        robot.interact(() -> problems.getSelectionModel().select(0));
        String problemKey = problems.getItems().get(0).key();

        robot.interact(() -> tabs.getSelectionModel().select(4));
        ChoiceBox<ReplayViewModel.Scope> scope = robot.lookup("#replay-scope").queryAs(ChoiceBox.class);
        robot.interact(() -> scope.setValue(ReplayViewModel.Scope.SELECTED));
        assertThat(robot.lookup("#replay-problems").queryAs(Label.class).getText())
                .contains(problemKey);
        ChoiceBox<ReplayStrategy> strategy = robot.lookup("#replay-strategy").queryAs(ChoiceBox.class);
        assertThat(strategy.getValue()).isEqualTo(ReplayStrategy.BUDGET_FORCING);
        TextField budgets = robot.lookup("#replay-budgets").queryAs(TextField.class);
        robot.interact(() -> budgets.setText("8, 64"));
        robot.clickOn("#replay-start");

        ListView<String> units = robot.lookup("#replay-units").queryListView();
        TextArea live = robot.lookup("#replay-live-text").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> runs.getItems().size() == before + 2);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> units.getItems().size() == 2);
        assertThat(units.getItems()).allMatch(unit -> unit.startsWith(problemKey + "/b"));
        assertThat(live.getText()).contains("<think>");
        assertThat(runs.getItems())
                .extracting(summary -> summary.run().name())
                .contains(
                        "Budget sweep of tiny-arith best-of-4 (tiny-reasoner) · budget 8",
                        "Budget sweep of tiny-arith best-of-4 (tiny-reasoner) · budget 64");
        RunSummary sweep = runs.getItems().stream()
                .filter(s -> s.run().name().equals("Budget sweep of tiny-arith best-of-4 (tiny-reasoner) · budget 8"))
                .findFirst()
                .orElseThrow();
        assertThat(sweep.samples()).isEqualTo(1);
        assertThat(sweep.run().parentRunId())
                .isEqualTo(runs.getItems().get(0).run().id());
        assertThat(sweep.run().params())
                .containsEntry("budget", "8")
                .containsEntry("group", "Budget sweep of tiny-arith best-of-4 (tiny-reasoner)");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#replay-message")
                        .queryAs(Label.class)
                        .getText()
                        .startsWith("Replay finished: 2 samples generated, 2 runs added."));
    }
}
