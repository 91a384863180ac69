package dev.ponder.app;

import dev.ponder.core.model.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Times the real window, headless on Monocle, as a researcher meets it: from choosing a run file in the import dialog
 * to the run overview showing the run's figures, and from opening the window on that workspace to the run's problems
 * table filled. A process of its own ({@code bench first-figures} starts it): {@code WindowTiming FILE HOME
 * PROBLEMS} prints one line of JSON. With {@code --summaries}, an Inspect log's figures from its summaries instead.
 */
public final class WindowTiming {
    private static final long LIMIT_SECONDS = 900;

    private WindowTiming() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--summaries")) {
            summaries(Path.of(args[1]).toAbsolutePath(), Files.createDirectories(Path.of(args[2])));
            return;
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        Path home = Files.createDirectories(Path.of(args[1]));
        int problems = Integer.parseInt(args[2]);
        String name = baseName(file);
        FxRobot robot = new FxRobot();
        ScriptedDialogs dialogs = new ScriptedDialogs();

        Application app = PonderWindow.open(TestHomes.welcomed(home), dialogs);
        long chosen = chooseAndImport(robot, dialogs, file);
        until(() -> overviewShowsFigures(robot, name));
        double overview = seconds(chosen);
        PonderWindow.close(app);

        long opened = System.nanoTime();
        app = PonderWindow.open(home, dialogs);
        TableView<RunSummary> again = robot.lookup("#run-table").queryTableView();
        WaitForAsyncUtils.waitFor(
                LIMIT_SECONDS,
                TimeUnit.SECONDS,
                () -> FxLookups.onFx(() -> {
                            for (RunSummary run : again.getItems()) {
                                if (run.run().name().equals(name)) {
                                    again.getSelectionModel().select(run);
                                    return Optional.of(run);
                                }
                            }
                            return Optional.empty();
                        })
                        .isPresent());
        robot.clickOn("Problems");
        TableView<?> table = robot.lookup("#problems-table").queryTableView();
        WaitForAsyncUtils.waitFor(
                LIMIT_SECONDS,
                TimeUnit.SECONDS,
                () -> FxLookups.onFx(() -> Optional.of(table.getItems().size())).orElse(0) == problems);
        double problemsTable = seconds(opened);
        PonderWindow.close(app);
        System.out.printf(
                Locale.ROOT,
                "{\"overview_seconds\": %.3f, \"problems_table_seconds\": %.3f}%n",
                overview,
                problemsTable);
        System.out.flush();
        System.exit(0);
    }

    /**
     * {@code WindowTiming --summaries FILE HOME}: from choosing an Inspect log in the import dialog to its figures from
     * its summaries in the window's status line; prints one line of JSON.
     */
    private static void summaries(Path file, Path home) throws Exception {
        FxRobot robot = new FxRobot();
        ScriptedDialogs dialogs = new ScriptedDialogs();
        Application app = PonderWindow.open(TestHomes.welcomed(home), dialogs);
        long chosen = chooseAndImport(robot, dialogs, file);
        until(() -> FxLookups.onFx(() -> Optional.ofNullable(
                        robot.lookup("#status-message").queryAs(Label.class).getText()))
                .filter(text -> text.startsWith("From its summaries"))
                .isPresent());
        double figures = seconds(chosen);
        PonderWindow.close(app);
        System.out.printf(Locale.ROOT, "{\"summaries_seconds\": %.3f}%n", figures);
        System.out.flush();
        System.exit(0);
    }

    /**
     * Once the window shows its runs, chooses {@code file} in the import dialog and starts its import; returns when the
     * Import button was clicked ({@link System#nanoTime}).
     */
    private static long chooseAndImport(FxRobot robot, ScriptedDialogs dialogs, Path file) throws Exception {
        TableView<RunSummary> runs = robot.lookup("#run-table").queryTableView();
        WaitForAsyncUtils.waitFor(
                LIMIT_SECONDS, TimeUnit.SECONDS, () -> !runs.getItems().isEmpty());
        dialogs.filesToImport = List.of(file);
        robot.clickOn("File").clickOn("Import Run Files…");
        WaitForAsyncUtils.waitFor(
                LIMIT_SECONDS,
                TimeUnit.SECONDS,
                () -> FxLookups.dialogButton(robot, "Import").isPresent());
        long chosen = System.nanoTime();
        robot.clickOn(FxLookups.dialogButton(robot, "Import").orElseThrow());
        return chosen;
    }

    /**
     * Waits for a condition looked up on the FX thread, every 100 ms: often enough for the timings, seldom enough not
     * to take the FX thread from the window it times (TestFX polls every 10 ms).
     */
    private static void until(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException(
                        "the window did not get there in " + LIMIT_SECONDS + " s");
            }
            Thread.sleep(100);
        }
    }

    /** The overview shows the run, and its figures tiles are drawn (pass@1 among them). */
    private static boolean overviewShowsFigures(FxRobot robot, String name) {
        return FxLookups.onFx(() -> {
                    Label title = robot.lookup(".overview-title").queryAs(Label.class);
                    if (!name.equals(title.getText())) {
                        return Optional.empty();
                    }
                    return robot.lookup(".overview-content .label").queryAll().stream()
                            .filter(Node::isVisible)
                            .filter(node -> "pass@1".equals(((Label) node).getText()))
                            .findFirst();
                })
                .isPresent();
    }

    private static String baseName(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
