package dev.ponder.app;

import dev.ponder.app.charts.ChartMemory;
import dev.ponder.app.charts.ChartsView;
import dev.ponder.app.charts.ChartsViewModel;
import dev.ponder.app.common.AppSettings;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.app.importing.ImportViewModel;
import dev.ponder.app.overview.RunOverviewView;
import dev.ponder.app.overview.RunOverviewViewModel;
import dev.ponder.app.replay.ConnectionDialog;
import dev.ponder.app.replay.ReplayView;
import dev.ponder.app.replay.ReplayViewModel;
import dev.ponder.app.runs.RunBrowserView;
import dev.ponder.app.runs.RunBrowserViewModel;
import dev.ponder.app.search.SearchViewModel;
import dev.ponder.app.settings.SettingsDialog;
import dev.ponder.app.settings.SettingsViewModel;
import dev.ponder.app.shell.FileDialogs;
import dev.ponder.app.shell.MainView;
import dev.ponder.app.shell.MainViewModel;
import dev.ponder.app.shell.NativeFileDialogs;
import dev.ponder.app.shell.WindowPlacement;
import dev.ponder.app.status.StatusBarView;
import dev.ponder.app.status.StatusBarViewModel;
import dev.ponder.app.task.FxTaskRunner;
import dev.ponder.app.task.UncaughtErrors;
import dev.ponder.app.theme.ThemeController;
import dev.ponder.app.tree.TreeView;
import dev.ponder.app.tree.TreeViewModel;
import dev.ponder.app.workbench.WorkbenchView;
import dev.ponder.app.workbench.WorkbenchViewModel;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.LogFiles;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The Ponder window: wires the screens' view-models to the workspace session and the task runner. */
public final class PonderApp extends Application {
    private final FileDialogs dialogs;
    private FxTaskRunner tasks;
    private MainViewModel main;
    private ReplayViewModel replay;
    private AppSettings settings;
    private Stage stage;

    public PonderApp() {
        this(new NativeFileDialogs());
    }

    public PonderApp(FileDialogs dialogs) {
        this.dialogs = dialogs;
    }

    /** JavaFX's own logger; held in a field because the logging framework keeps loggers only weakly. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private java.util.logging.Handler logFile;

    /** Opens the window; {@code args} may name a workspace file to open. Returns when the window closes. */
    public static void launchWindow(String[] args) {
        // JavaFX warns when it runs from the class path, as the single runnable jar does: nothing a user can act on.
        JAVAFX_LOG.setFilter(log -> !String.valueOf(log.getMessage()).startsWith("Unsupported JavaFX configuration"));
        Application.launch(PonderApp.class, args);
    }

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        PonderHome home = PonderHome.resolve();
        startLog(home);
        loadPaperFonts();
        tasks = new FxTaskRunner();
        WorkspaceSession session = new WorkspaceSession();
        settings = new AppSettings(new SettingsStore(home.settingsFile()));
        main = new MainViewModel(tasks, session, home, settings);
        UncaughtErrors.install(main::reportUnexpected);
        ThemeController theme = new ThemeController(settings, tasks);
        ImportViewModel importing = new ImportViewModel(tasks, session, settings, main::showStatus);

        RunBrowserViewModel runs = new RunBrowserViewModel(tasks, session, settings::get);
        RunOverviewViewModel overview =
                new RunOverviewViewModel(tasks, session, () -> settings.get().markers());
        overview.runProperty().bind(runs.selectedProperty());
        StatusBarViewModel status = new StatusBarViewModel(tasks.running(), main.statusMessageProperty());
        StringBinding workspacePath = Bindings.createStringBinding(
                () -> session.workspace() == null
                        ? ""
                        : session.workspace().file().toString(),
                session.workspaceProperty());

        WorkbenchViewModel workbench = new WorkbenchViewModel(
                tasks, session, () -> settings.get().markers(), runs.selectedProperty(), runs.runs());
        workbench.statusProperty().addListener((observable, before, message) -> main.showStatus(message));
        ChartsViewModel charts = new ChartsViewModel(
                tasks,
                session,
                new ChartMemory() {
                    @Override
                    public java.util.Optional<ChartSpec> recall(ChartKind kind) {
                        return settings.get().chart(kind);
                    }

                    @Override
                    public void remember(ChartSpec spec) {
                        settings.updateSoon(current -> current.withChart(spec));
                    }

                    @Override
                    public dev.ponder.core.chart.PaperStyle defaultStyle() {
                        return settings.get().preferences().chartStyle();
                    }
                },
                () -> settings.get().markers(),
                runs.selectedProperty(),
                runs.runs(),
                Bindings.createStringBinding(
                        () -> workbench.problems().selectedProperty().get() == null
                                ? null
                                : workbench.problems().selectedProperty().get().key(),
                        workbench.problems().selectedProperty()));
        charts.showingProperty().bind(workbench.showingChartsProperty());
        charts.onOpen(workbench::open);
        runs.onOpen(workbench::open);
        settings.property().addListener((observable, before, after) -> {
            if (!before.preferences().chartStyle().equals(after.preferences().chartStyle())) {
                charts.useStyle(after.preferences().chartStyle());
            }
        });
        TreeViewModel tree = new TreeViewModel(
                tasks, session, runs.selectedProperty(), workbench.problems().selectedProperty());
        tree.onOpen(workbench::open);
        replay = new ReplayViewModel(
                tasks,
                session,
                settings,
                home,
                runs.selectedProperty(),
                workbench.problems().shown(),
                workbench.problems().selectedProperty());
        replay.onFinished(ids -> main.showStatus(
                "Replay finished: " + ids.size() + (ids.size() == 1 ? " run" : " runs") + " added to the run browser"));
        WorkbenchView centre = new WorkbenchView(
                workbench,
                new SearchViewModel(tasks, session),
                dialogs,
                new RunOverviewView(overview).root(),
                new ChartsView(charts, dialogs, main::showStatus, theme.darkProperty()).root(),
                new TreeView(tree, dialogs, main::showStatus, theme.darkProperty()).root(),
                new ReplayView(replay).root(),
                (sample, problemKey, position) ->
                        replay.branchFrom(sample.id(), position, "sample " + sample.id() + " of " + problemKey));

        MainView view = new MainView(
                main,
                importing,
                dialogs,
                new RunBrowserView(runs).root(),
                centre.root(),
                new StatusBarView(status, workspacePath).root(),
                List.of(
                        runs.noticeProperty(),
                        workbench.noticeProperty(),
                        workbench.problems().noticeProperty(),
                        workbench.samples().noticeProperty(),
                        workbench.inspector().noticeProperty(),
                        charts.noticeProperty(),
                        tree.noticeProperty(),
                        replay.noticeProperty()));
        view.addMenu(centre.menu(), WorkbenchView.shortcuts());
        view.onSettings(page ->
                SettingsDialog.show(stage, new SettingsViewModel(settings), page, new SettingsDialog.Helpers() {
                    @Override
                    public java.util.Optional<Path> tokenizerFile(javafx.stage.Window owner) {
                        return dialogs.tokenizerFile(owner);
                    }

                    @Override
                    public void editConnections(javafx.stage.Window owner) {
                        ConnectionDialog.show(owner, replay.connections());
                    }
                }));
        Scene scene = new Scene(view.root());
        theme.style(scene);
        stage.setScene(scene);
        stage.focusedProperty().addListener((observable, before, focused) -> {
            if (focused) {
                theme.checkSystem();
            }
        });
        stage.titleProperty().bind(main.titleProperty());
        dev.ponder.app.shell.AppIcons.apply(stage);
        WindowPlacement.restore(stage, main.savedWindow());
        stage.show();
        theme.install();
        importOnceOpen(session, importing, requestedImports());
        main.start(requestedWorkspace());
    }

    /** Ponder's own log file; without one (a read-only home folder) it still runs, logging to the console. */
    private void startLog(PonderHome home) {
        try {
            logFile = LogFiles.install(home.logsDir());
            Logger.getLogger(PonderApp.class.getName())
                    .info("Ponder " + dev.ponder.core.PonderVersion.current() + " starting, Java "
                            + System.getProperty("java.version") + ", " + System.getProperty("os.name"));
        } catch (java.io.IOException e) {
            Logger.getLogger(PonderApp.class.getName())
                    .warning("No log file in " + home.logsDir() + ": " + e.getMessage());
        }
    }

    /** Run files named on the command line go to the import dialog once the workspace is open. */
    private static void importOnceOpen(WorkspaceSession session, ImportViewModel importing, List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        session.workspaceProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(
                    javafx.beans.value.ObservableValue<? extends WorkspaceServices> observable,
                    WorkspaceServices before,
                    WorkspaceServices opened) {
                if (opened != null) {
                    session.workspaceProperty().removeListener(this);
                    importing.choose(files);
                }
            }
        });
    }

    @Override
    public void stop() {
        if (replay != null) {
            replay.close();
        }
        if (tasks != null) {
            tasks.close();
        }
        if (main != null) {
            main.shutdown(WindowPlacement.capture(stage));
        }
        if (settings != null) {
            settings.flush();
        }
        if (logFile != null) {
            Logger.getLogger("").removeHandler(logFile);
            logFile.close();
        }
    }

    private List<Path> requestedImports() {
        return getParameters().getRaw().stream()
                .filter(argument -> !argument.endsWith(WorkspaceServices.FILE_EXTENSION))
                .map(Path::of)
                .toList();
    }

    private Path requestedWorkspace() {
        return getParameters().getRaw().stream()
                .filter(argument -> argument.endsWith(WorkspaceServices.FILE_EXTENSION))
                .findFirst()
                .map(Path::of)
                .orElse(null);
    }

    /** Charts on screen in the same faces as their exports: JavaFX knows only the fonts it was handed. */
    private static void loadPaperFonts() {
        for (boolean serif : new boolean[] {false, true}) {
            for (byte[] face : dev.ponder.core.chart.PaperFonts.files(serif).values()) {
                javafx.scene.text.Font.loadFont(new java.io.ByteArrayInputStream(face), 10);
            }
        }
    }
}
