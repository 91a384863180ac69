package dev.ponder.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real main window headless and drives it through its menus. */
class MainWindowTest {
    private static final Path SAMPLE =
            Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();
    /** The runs a first start imports: every run file in sample-runs/, the hand-written best-of-4 first. */
    private static final int SAMPLE_RUNS = sampleRuns();

    private static int sampleRuns() {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("sample-runs"))) {
            return (int) files.filter(file -> file.toString().endsWith(".jsonl")
                            || file.toString().endsWith(".json"))
                    .count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Run files of other tools, written for the import tests. */
    private static final class ImportedFixtures {
        static final Path SAL = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures/sal_best_of_3.jsonl")
                .toAbsolutePath();
    }

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Application app;

    private Optional<Node> shown(String query) {
        return FxLookups.shown(robot, query);
    }

    private Optional<javafx.scene.control.Button> dialogButton(String text) {
        return FxLookups.dialogButton(robot, text);
    }

    @BeforeEach
    void start() throws Exception {
        app = PonderWindow.open(TestHomes.welcomed(dir.resolve("home")), dialogs);
        stage = FxToolkit.toolkitContext().getRegisteredStage();
    }

    @AfterEach
    void stop() throws Exception {
        PonderWindow.close(app);
    }

    @Test
    void theFirstStartShowsTheSampleRunInTheRunBrowser() throws Exception {
        TableView<RunSummary> table = runTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS);
        RunSummary run = table.getItems().get(0);
        assertThat(run.run().name()).isEqualTo("tiny-arith best-of-4");
        assertThat(run.problems()).isEqualTo(6);
        assertThat(run.samples()).isEqualTo(24);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellShows("tiny-arith best-of-4") && cellShows("75.0%"));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> "tiny-arith best-of-4"
                        .equals(robot.lookup(".overview-title")
                                .queryAs(Label.class)
                                .getText()));
        assertThat(stage.getTitle()).isEqualTo("default — Ponder");
        assertThat(robot.lookup("#status-workspace").queryAs(Label.class).getText())
                .isEqualTo(dir.resolve("home/default.ponder").toString());

        robot.press(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.DIGIT0)
                .release(javafx.scene.input.KeyCode.DIGIT0, javafx.scene.input.KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, table::isFocused); // the keyboard reaches the runs
    }

    @Test
    void opensAWorkspaceFromTheFileMenuAndListsItsRuns() throws Exception {
        Path other = dir.resolve("study.ponder");
        try (Workspace workspace = Workspace.create(other)) {
            Importer importer = new Importer(workspace);
            importer.importFile(SAMPLE, ImportOptions.withAttributes(Map.of("name", "budget 512")), TaskContext.NONE);
            importer.importFile(
                    SAMPLE,
                    ImportOptions.withAttributes(Map.of("name", "budget 1024", "model", "qwq"))
                            .evenIfImportedBefore(),
                    TaskContext.NONE);
        }
        TableView<RunSummary> table = runTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS);

        dialogs.workspaceToOpen = other;
        robot.clickOn("File").clickOn("Open Workspace…");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(table.getItems())
                .extracting(summary -> summary.run().name())
                .containsExactly("budget 512", "budget 1024");
        assertThat(table.getItems().get(1).run().model()).isEqualTo("qwq");
        assertThat(stage.getTitle()).isEqualTo("study — Ponder");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> other.toString()
                        .equals(robot.lookup("#status-workspace")
                                .queryAs(Label.class)
                                .getText()));
    }

    @Test
    void importsAFileFromTheFileMenu() throws Exception {
        TableView<RunSummary> table = runTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS);

        dialogs.filesToImport = List.of(ImportedFixtures.SAL);
        robot.clickOn("File").clickOn("Import Run Files…");
        clickButton("Import");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS + 1);
        // the run just imported is selected
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            RunSummary selected = table.getSelectionModel().getSelectedItem();
            return selected != null && selected.run().name().equals("sal_best_of_3");
        });
        String said = "Imported sal_best_of_3: 2 problems, 6 samples";
        // what is drawn, not only the label's text: a file name's underscores are not keyboard mnemonics
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            Label message = robot.lookup("#status-message").queryAs(Label.class);
            javafx.scene.Node drawn = message.lookup(".text");
            return message.getText().equals(said)
                    && drawn instanceof javafx.scene.text.Text text
                    && text.getText().equals(said);
        });
    }

    @Test
    void asksBeforeImportingAFileTheWorkspaceAlreadyHolds() throws Exception {
        TableView<RunSummary> table = runTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS);

        dialogs.filesToImport = List.of(SAMPLE);
        robot.clickOn("File").clickOn("Import Run Files…");
        clickButton("Import");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> FxLookups.shown(robot, "Import Again").isPresent());
        // Read on the FX thread: a reload replaces the list's contents there.
        assertThat(WaitForAsyncUtils.asyncFx(() -> table.getItems().size()).get())
                .isEqualTo(SAMPLE_RUNS);
        robot.clickOn("Import Again");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS + 1);
        assertThat(table.getItems())
                .extracting(summary -> summary.run().name())
                .filteredOn(name -> name.equals("tiny-arith best-of-4"))
                .hasSize(2);
    }

    @Test
    void remembersTheWindowAndTheWorkspaceForTheNextStart() throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> runTable().getItems().size() == SAMPLE_RUNS);
        WaitForAsyncUtils.asyncFx(() -> {
                    stage.setX(40);
                    stage.setY(30);
                    stage.setWidth(1100);
                    stage.setHeight(700);
                })
                .get();
        FxToolkit.cleanupApplication(app);

        var settings = new SettingsStore(dir.resolve("home/settings.json")).load();
        assertThat(settings.window().width()).isEqualTo(1100);
        assertThat(settings.window().height()).isEqualTo(700);
        assertThat(settings.window().x()).isEqualTo(40);
        assertThat(settings.lastWorkspace())
                .isEqualTo(dir.resolve("home/default.ponder").toString());

        app = FxToolkit.setupApplication(() -> new PonderApp(dialogs));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> runTable().getItems().size() == SAMPLE_RUNS);
        assertThat(stage.getWidth()).isEqualTo(1100);
        assertThat(stage.getX()).isEqualTo(40);
    }

    @Test
    void dropsAFileOnTheWindowAndSeesTheRunWithItsCounts() throws Exception {
        TableView<RunSummary> table = runTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS);

        Node window = robot.lookup(".main-window").query();
        DragEvent[] over = new DragEvent[1];
        WaitForAsyncUtils.asyncFx(() -> {
                    Dragboard dragboard = FileDragboards.of(List.of(ImportedFixtures.SAL.toFile()));
                    over[0] = drag(DragEvent.DRAG_OVER, window, dragboard);
                    Event.fireEvent(window, over[0]);
                    assertThat(window.getStyleClass()).contains("drop-target");
                    Event.fireEvent(window, drag(DragEvent.DRAG_DROPPED, window, dragboard));
                })
                .get();
        assertThat(window.getStyleClass()).doesNotContain("drop-target");

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#import-files").tryQuery().isPresent());
        TableView<?> files = robot.lookup("#import-files").queryTableView();
        assertThat(files.getItems()).hasSize(1);
        clickButton("Import");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS + 1);
        RunSummary dropped = table.getItems().get(SAMPLE_RUNS);
        assertThat(dropped.run().name()).isEqualTo("sal_best_of_3");
        assertThat(dropped.run().source().format()).isEqualTo("search-and-learn");
        assertThat(dropped.problems()).isEqualTo(2);
        assertThat(dropped.samples()).isEqualTo(6);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellShows("sal_best_of_3") && cellShows("6"));
    }

    @Test
    void mapsTheFieldsOfAFileNoReaderKnowsAndImportsIt() throws Exception {
        TableView<RunSummary> table = runTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS);
        Path file = java.nio.file.Files.copy(
                Path.of("src/test/resources/dev/ponder/core/ingest/generic/per_sample.jsonl"),
                dir.resolve("lab_eval.jsonl"));

        dialogs.filesToImport = List.of(file);
        robot.clickOn("File").clickOn("Import Run Files…");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#import-problem").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellShows("no reader knows it: map its fields"));
        clickWhenShown("#map-fields");

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> robot.lookup("#mapping-preview").tryQuery().isPresent()
                        && robot.lookup("#mapping-preview")
                                        .queryTableView()
                                        .getItems()
                                        .size()
                                == 3);
        ComboBox<String> trace = robot.lookup("#field-trace").queryAs(ComboBox.class);
        assertThat(trace.getValue()).isEqualTo("response");
        assertThat(robot.lookup("#mapping-raw").queryAs(TextArea.class).getText())
                .contains("\"qid\" : \"q1\"");
        clickButton("Use Mapping");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellShows("read with a field mapping"));
        clickButton("Import");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS + 1);
        assertThat(table.getItems().get(SAMPLE_RUNS).run().source().format()).isEqualTo("generic");
        assertThat(table.getItems().get(SAMPLE_RUNS).samples()).isEqualTo(3);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> new SettingsStore(dir.resolve("home/settings.json"))
                                .load()
                                .mappings()
                                .size()
                        == 1);
    }

    @Test
    void editsARunsAttributesFromTheRunBrowser() throws Exception {
        TableView<RunSummary> table = runTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellShows("tiny-arith best-of-4"));

        // The row is wider than the browser shows; its first cell is in view.
        robot.doubleClickOn(
                robot.lookup("#run-table .table-row-cell .table-cell").<Node>query());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#attribute-budget").tryQuery().isPresent());
        robot.clickOn("#attribute-budget").write("2048");
        robot.clickOn("#attribute-group").write("sweep A");
        javafx.scene.control.TextField name =
                robot.lookup("#attribute-name").queryAs(javafx.scene.control.TextField.class);
        assertThat(name.getText()).isEqualTo("tiny-arith best-of-4");
        robot.interact(() -> name.setText("arith at 2k"));
        clickButton("Save");

        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> "arith at 2k".equals(table.getItems().get(0).run().name()));
        assertThat(table.getItems().get(0).run().params())
                .containsEntry("budget", "2048")
                .containsEntry("group", "sweep A");
    }

    @Test
    void regradesARunFromItsContextMenuAndSaysWhatChanged() throws Exception {
        TableView<RunSummary> table = runTable();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_RUNS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cellShows("tiny-arith best-of-4"));
        assertThat(table.getItems().get(0).run().grader()).isEqualTo("file labels");

        Node row = robot.lookup("#run-table .table-row-cell .table-cell").query();
        robot.clickOn(row);
        // Monocle sends no context-menu request for a right click: open the table's menu as the click would.
        robot.interact(() -> table.getContextMenu().show(row, javafx.geometry.Side.BOTTOM, 20, 0));
        clickWhenShown("Regrade With");
        // Along the submenu's first row, then down it: a diagonal path would cross the main menu and close it.
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> shown(".context-menu .label", "ponder-math").isPresent());
        robot.moveTo(shown(".context-menu .label", "file labels").orElseThrow());
        robot.clickOn(shown(".context-menu .label", "exact").orElseThrow());
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> "exact".equals(table.getItems().get(0).run().grader()));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup("#notice-message").queryLabeled().getText())
                .startsWith("Regraded 24 samples with exact:");
        clickButton("OK");
    }

    @Test
    void editsTheReflectionMarkersAndRemembersThem() throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> runTable().getItems().size() == SAMPLE_RUNS);
        robot.clickOn("Analysis").clickOn("Reflection Markers…");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#markerPhrases").tryQuery().isPresent());
        javafx.scene.control.TextArea phrases =
                robot.lookup("#markerPhrases").queryAs(javafx.scene.control.TextArea.class);
        assertThat(phrases.getText()).startsWith("Wait\nAlternatively\nHmm");
        robot.interact(() -> phrases.setText("Wait\n  Hold on  \n\nHmm"));
        clickButton("OK");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> java.util.List.of("Wait", "Hold on", "Hmm")
                        .equals(new SettingsStore(dir.resolve("home/settings.json"))
                                .load()
                                .reflectionMarkers()));
    }

    private static DragEvent drag(javafx.event.EventType<DragEvent> type, Node target, Dragboard dragboard) {
        javafx.geometry.Bounds bounds = target.localToScreen(target.getBoundsInLocal());
        double x = bounds.getWidth() / 2;
        double y = bounds.getHeight() / 2;
        return new DragEvent(
                null,
                target,
                type,
                dragboard,
                x,
                y,
                bounds.getMinX() + x,
                bounds.getMinY() + y,
                TransferMode.COPY,
                null,
                null,
                null);
    }

    private void clickWhenShown(String query) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(query).isPresent());
        robot.clickOn(shown(query).orElseThrow());
    }

    /** A shown label of this kind with exactly this text. */
    private Optional<Node> shown(String query, String text) {
        return FxLookups.onFx(
                () -> robot.lookup(query).match(NodeQueryUtils.isVisible()).queryAllAs(Labeled.class).stream()
                        .filter(label -> text.equals(label.getText())
                                && label.getScene() != null
                                && label.getScene().getWindow() != null
                                && label.getScene().getWindow().isShowing())
                        .map(Node.class::cast)
                        .findFirst());
    }

    /** Clicks a dialog's button once it shows (a column header may carry the same text). */
    private void clickButton(String text) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> dialogButton(text).isPresent());
        robot.clickOn(dialogButton(text).orElseThrow());
    }

    private boolean cellShows(String text) {
        return robot.lookup(".table-row-cell .table-cell").queryAllAs(Labeled.class).stream()
                .anyMatch(cell -> text.equals(cell.getText()));
    }

    private TableView<RunSummary> runTable() {
        return robot.lookup("#run-table").queryTableView();
    }
}
