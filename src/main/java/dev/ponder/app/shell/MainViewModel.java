package dev.ponder.app.shell;

import dev.ponder.app.common.AppSettings;
import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.UserSettings;
import dev.ponder.core.settings.WindowState;
import dev.ponder.core.task.TaskListener;
import dev.ponder.core.task.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and commands: which workspace is open, opening and creating workspaces, the
 * sample runs, recent files, window state, and the notices the window must show.
 */
public final class MainViewModel {
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());

    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final PonderHome home;
    private final AppSettings settings;
    private final ObservableList<String> recentWorkspaces = FXCollections.observableArrayList();
    private final ObservableList<String> recentImports = FXCollections.observableArrayList();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper welcomeShown = new ReadOnlyBooleanWrapper();
    private final StringBinding title;
    private static final long REPEAT_QUIET_MS = 5000;
    private String lastUnexpected;
    private long lastUnexpectedAt;

    public MainViewModel(TaskRunner tasks, WorkspaceSession session, PonderHome home, AppSettings settings) {
        this.tasks = tasks;
        this.session = session;
        this.home = home;
        this.settings = settings;
        settings.property().addListener((observable, before, after) -> showRecent());
        this.title = Bindings.createStringBinding(
                () -> session.workspace() == null
                        ? "Ponder"
                        : session.workspace().displayName() + " — Ponder",
                session.workspaceProperty());
        showRecent();
    }

    public StringBinding titleProperty() {
        return title;
    }

    public ObservableList<String> recentWorkspaces() {
        return recentWorkspaces;
    }

    public ObservableList<String> recentImports() {
        return recentImports;
    }

    /** The latest thing the user must be told in a dialog; a new value each time. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** A line for the status bar about the last thing that finished. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** Shows a line in the status bar about something that finished. */
    public void showStatus(String message) {
        statusMessage.set(message);
    }

    /** Whether the welcome screen is over the window: on a first start, and from Help › Welcome. */
    public ReadOnlyBooleanProperty welcomeShownProperty() {
        return welcomeShown.getReadOnlyProperty();
    }

    public void showWelcome() {
        welcomeShown.set(true);
    }

    /** Closes the welcome; it no longer opens by itself. */
    public void closeWelcome() {
        welcomeShown.set(false);
        if (!settings.get().welcomeSeen()) {
            settings.update(UserSettings::withWelcomeSeen);
        }
    }

    /** Help › Open Log Folder: in the file manager; where there is none, the folder is named in a message. */
    public void openLogFolder() {
        Path logs = home.logsDir();
        tasks.submit(
                "Opening the log folder",
                context -> {
                    Files.createDirectories(logs);
                    if (!java.awt.Desktop.isDesktopSupported()
                            || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                        return false;
                    }
                    java.awt.Desktop.getDesktop().open(logs.toFile());
                    return true;
                },
                opened -> {
                    if (!opened) {
                        notice.set(
                                Notice.info(
                                        "Ponder's log folder",
                                        "Ponder writes its log to " + logs
                                                + " (ponder-0.log is the newest). This system has no file manager Ponder can open it in."));
                    }
                },
                error -> notice.set(Notice.info(
                        "Ponder's log folder",
                        "Ponder writes its log to " + logs
                                + " (ponder-0.log is the newest). It could not be opened here: "
                                + error.getMessage())));
    }

    /** Ponder's folder: settings, log, models, replays. */
    public PonderHome home() {
        return home;
    }

    public WindowState savedWindow() {
        return settings.get().window();
    }

    /**
     * Opens the workspace to start with: the one asked for on the command line, else the last one, else
     * the default workspace, which the very first start creates and fills with the sample runs.
     */
    public void start(Path requested) {
        welcomeShown.set(!settings.get().welcomeSeen());
        if (requested != null) {
            open(requested, false, true);
            return;
        }
        String last = settings.get().lastWorkspace();
        if (last != null && Files.isRegularFile(Path.of(last))) {
            open(Path.of(last), false, true);
        } else {
            openDefault();
        }
    }

    public void openWorkspace(Path file) {
        open(file, false, false);
    }

    /** Creates a new, empty workspace and shows it. Refuses to replace an existing file. */
    public void newWorkspace(Path file) {
        Path target = withExtension(file);
        if (Files.exists(target)) {
            notice.set(Notice.info(
                    "Workspace not created",
                    "A file named " + target.getFileName()
                            + " already exists there. Choose another name; Ponder does not overwrite files."));
            return;
        }
        open(target, true, false);
    }

    /** Imports the runs that ship with Ponder into the current workspace. */
    public void importSampleRuns() {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null) {
            return;
        }
        session.filling("Importing the sample runs…");
        tasks.submit(
                "Importing the sample runs",
                context -> workspace.imports().importSampleRuns(context),
                new TaskListener<List<ImportResult>>() {
                    @Override
                    public void succeeded(List<ImportResult> results) {
                        session.filling("");
                        session.changed();
                        statusMessage.set(
                                results.isEmpty()
                                        ? "The sample runs are already in this workspace"
                                        : String.format(
                                                "Imported %d sample run%s",
                                                results.size(), results.size() == 1 ? "" : "s"));
                        LOG.info(statusMessage.get() + " (" + workspace.file() + ")");
                    }

                    @Override
                    public void failed(Throwable error) {
                        session.filling("");
                        session.changed();
                        notice.set(Notice.error("The sample runs could not be imported", error));
                    }

                    @Override
                    public void cancelled() {
                        session.filling("");
                        session.changed();
                        statusMessage.set("Import of the sample runs cancelled");
                    }
                });
    }

    /**
     * Shows a bug no code caught. The same failure again within a few seconds (a broken redraw repeats itself) is
     * only logged, so the window is not buried under dialogs.
     */
    public void reportUnexpected(Throwable error) {
        String signature = error.getClass().getName() + ": " + error.getMessage();
        long now = System.currentTimeMillis();
        if (signature.equals(lastUnexpected) && now - lastUnexpectedAt < REPEAT_QUIET_MS) {
            lastUnexpectedAt = now;
            return;
        }
        lastUnexpected = signature;
        lastUnexpectedAt = now;
        notice.set(Notice.unexpected(error));
    }

    /** Tells every screen to reload from the workspace. */
    public void reload() {
        session.changed();
    }

    public void clearRecent() {
        settings.update(UserSettings::withoutRecent);
    }

    /** Remembers the window's bounds and closes the workspace; called once as the window closes. */
    public void shutdown(WindowState window) {
        if (window != null) {
            settings.update(current -> current.withWindow(window));
        }
        WorkspaceServices workspace = session.replace(null);
        if (workspace != null) {
            workspace.close();
        }
    }

    private void openDefault() {
        Path file = home.defaultWorkspace();
        boolean firstStart = !Files.exists(file);
        open(file, firstStart, false, firstStart ? this::importSampleRuns : () -> {});
    }

    private void open(Path file, boolean create, boolean fallBackToDefault) {
        open(file, create, fallBackToDefault, () -> {});
    }

    private void open(Path file, boolean create, boolean fallBackToDefault, Runnable afterOpen) {
        Path target = file.toAbsolutePath().normalize();
        String verb = create ? "Creating " : "Opening ";
        tasks.submit(
                verb + target.getFileName(),
                context -> create ? WorkspaceServices.create(target, home) : WorkspaceServices.open(target, home),
                new TaskListener<WorkspaceServices>() {
                    @Override
                    public void succeeded(WorkspaceServices workspace) {
                        show(workspace);
                        afterOpen.run();
                    }

                    @Override
                    public void failed(Throwable error) {
                        notice.set(Notice.error(
                                "Cannot " + (create ? "create" : "open") + " " + target.getFileName(), error));
                        if (fallBackToDefault && !target.equals(home.defaultWorkspace())) {
                            settings.update(current -> current.withoutRecentWorkspace(target.toString()));
                            openDefault();
                        }
                    }
                });
    }

    private void show(WorkspaceServices workspace) {
        WorkspaceServices previous = session.replace(workspace);
        if (previous != null && previous != workspace) {
            tasks.submit(
                    "Closing " + previous.displayName(),
                    context -> {
                        previous.close();
                        return null;
                    },
                    ignored -> {},
                    error -> LOG.log(Level.WARNING, "Closing " + previous.file() + " failed", error));
        }
        workspace.onWaitingForWriter(message -> {
            LOG.info(message);
            tasks.tell(() -> statusMessage.set(message));
        });
        settings.update(current -> current.withWorkspaceOpened(workspace.file().toString()));
        statusMessage.set("Opened " + workspace.file());
        LOG.info("Opened workspace " + workspace.file());
    }

    private void showRecent() {
        recentWorkspaces.setAll(settings.get().recentWorkspaces());
        recentImports.setAll(settings.get().recentImports());
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(WorkspaceServices.FILE_EXTENSION)
                ? file
                : file.resolveSibling(name + WorkspaceServices.FILE_EXTENSION);
    }
}
