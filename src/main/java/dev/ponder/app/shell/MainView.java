package dev.ponder.app.shell;

import dev.ponder.app.common.Fxml;
import dev.ponder.app.common.Notice;
import dev.ponder.app.importing.FileImport;
import dev.ponder.app.importing.ImportDialog;
import dev.ponder.app.importing.ImportViewModel;
import dev.ponder.app.importing.MappingDialog;
import dev.ponder.app.importing.MappingDialogModel;
import dev.ponder.app.settings.SettingsDialog;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.plan.PlannedFile;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/** The main window's content: menus, run browser on the left, the centre screen, the status bar. */
public final class MainView {
    private static final Logger LOG = Logger.getLogger(MainView.class.getName());
    private final MainViewModel viewModel;
    private final ImportViewModel importing;
    private final FileDialogs dialogs;
    private final Parent root;
    private List<String[]> shortcuts = List.of();
    private Consumer<SettingsDialog.Page> openSettings = page -> {};

    @FXML
    private BorderPane rootPane;

    @FXML
    private StackPane layers;

    @FXML
    private SplitPane split;

    @FXML
    private StackPane browserSlot;

    @FXML
    private StackPane centreSlot;

    @FXML
    private StackPane statusSlot;

    @FXML
    private Menu recentMenu;

    @FXML
    private CheckMenuItem showRunBrowser;

    public MainView(
            MainViewModel viewModel,
            ImportViewModel importing,
            FileDialogs dialogs,
            Node runBrowser,
            Node centre,
            Node statusBar,
            List<ObservableValue<Notice>> otherNotices) {
        this.viewModel = viewModel;
        this.importing = importing;
        this.dialogs = dialogs;
        this.root = Fxml.load(this, "Main.fxml");
        browserSlot.getChildren().setAll(runBrowser);
        centreSlot.getChildren().setAll(centre);
        statusSlot.getChildren().setAll(statusBar);
        viewModel.noticeProperty().addListener((observable, before, notice) -> showNotice(notice));
        importing.planProperty().addListener((observable, before, plan) -> showImportDialog(plan));
        importing.alreadyImportedProperty().addListener((observable, before, files) -> askToImportAgain(files));
        importing.noticeProperty().addListener((observable, before, notice) -> showNotice(notice));
        otherNotices.forEach(source -> source.addListener((observable, before, notice) -> showNotice(notice)));
    }

    public Parent root() {
        return root;
    }

    /** Adds a screen's menu before Help, and the shortcuts Help › Keyboard Shortcuts lists. */
    public void addMenu(Menu menu, List<String[]> screenShortcuts) {
        MenuBar bar = (MenuBar) rootPane.getTop();
        bar.getMenus().add(bar.getMenus().size() - 1, menu);
        shortcuts = screenShortcuts;
    }

    @FXML
    private void initialize() {
        viewModel.recentWorkspaces().addListener((ListChangeListener<String>) change -> fillRecent());
        viewModel.recentImports().addListener((ListChangeListener<String>) change -> fillRecent());
        fillRecent();
        showRunBrowser.selectedProperty().addListener((observable, before, show) -> {
            if (show && !split.getItems().contains(browserSlot)) {
                split.getItems().add(0, browserSlot);
                split.setDividerPositions(0.27);
            } else if (!show) {
                split.getItems().remove(browserSlot);
            }
        });
        WelcomeView welcome = new WelcomeView(new WelcomeView.Actions() {
            @Override
            public void openSampleRuns() {
                viewModel.importSampleRuns();
            }

            @Override
            public void importFile() {
                importFiles();
            }

            @Override
            public void connectModel() {
                openSettings.accept(SettingsDialog.Page.MODELS);
            }

            @Override
            public void closed() {
                viewModel.closeWelcome();
            }
        });
        viewModel.welcomeShownProperty().addListener((observable, before, shown) -> showWelcome(welcome.root(), shown));
        showWelcome(welcome.root(), viewModel.welcomeShownProperty().get());
        rootPane.setOnDragOver(this::dragOver);
        rootPane.setOnDragExited(event -> rootPane.getStyleClass().remove("drop-target"));
        rootPane.setOnDragDropped(this::dropped);
    }

    @FXML
    private void newWorkspace() {
        dialogs.newWorkspace(window()).ifPresent(viewModel::newWorkspace);
    }

    @FXML
    private void openWorkspace() {
        dialogs.workspaceToOpen(window()).ifPresent(viewModel::openWorkspace);
    }

    @FXML
    private void importFiles() {
        importing.choose(dialogs.runFilesToImport(window()));
    }

    @FXML
    private void importFolder() {
        dialogs.folderToImport(window()).ifPresent(folder -> importing.choose(List.of(folder)));
    }

    @FXML
    private void importSampleRuns() {
        viewModel.importSampleRuns();
    }

    @FXML
    private void reload() {
        viewModel.reload();
    }

    /** The keyboard's way to the runs: shows the run browser if hidden and puts the focus on its table. */
    @FXML
    private void focusRunBrowser() {
        showRunBrowser.setSelected(true);
        javafx.scene.Node table = browserSlot.lookup("#run-table");
        if (table != null) {
            table.requestFocus();
        }
    }

    @FXML
    private void quit() {
        Window window = window();
        if (window != null) {
            window.hide();
        }
        Platform.exit();
    }

    @FXML
    private void editReflectionMarkers() {
        openSettings.accept(SettingsDialog.Page.ANALYSIS);
    }

    @FXML
    private void settings() {
        openSettings.accept(SettingsDialog.Page.APPEARANCE);
    }

    /** What File › Settings… (and the menus that open one of its pages) does. */
    public void onSettings(Consumer<SettingsDialog.Page> open) {
        this.openSettings = open;
    }

    @FXML
    private void welcome() {
        viewModel.showWelcome();
    }

    @FXML
    private void openLogFolder() {
        viewModel.openLogFolder();
    }

    private void showWelcome(Parent welcome, boolean shown) {
        if (shown && !layers.getChildren().contains(welcome)) {
            layers.getChildren().add(welcome);
            welcome.requestFocus();
        } else if (!shown) {
            layers.getChildren().remove(welcome);
        }
    }

    @FXML
    private void keyboardShortcuts() {
        ShortcutsDialog.show(window(), shortcuts);
    }

    @FXML
    private void about() {
        AboutDialog.show(window(), viewModel.home());
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (String workspace : viewModel.recentWorkspaces()) {
            MenuItem item = new MenuItem(workspace);
            item.setMnemonicParsing(false);
            item.setOnAction(event -> viewModel.openWorkspace(Path.of(workspace)));
            recentMenu.getItems().add(item);
        }
        if (!viewModel.recentImports().isEmpty()) {
            if (!recentMenu.getItems().isEmpty()) {
                recentMenu.getItems().add(new SeparatorMenuItem());
            }
            for (String file : viewModel.recentImports()) {
                MenuItem item = new MenuItem("Import " + file);
                item.setMnemonicParsing(false);
                item.setOnAction(event -> importing.choose(List.of(Path.of(file))));
                recentMenu.getItems().add(item);
            }
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No recent files");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear Recent");
            clear.setOnAction(event -> viewModel.clearRecent());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
            if (!rootPane.getStyleClass().contains("drop-target")) {
                rootPane.getStyleClass().add("drop-target");
            }
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        rootPane.getStyleClass().remove("drop-target");
        List<File> files =
                event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        // Files are looked at in the background; the import dialog opens once that is done, after the drop.
        importing.choose(files.stream().map(File::toPath).toList());
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }

    private void showImportDialog(List<PlannedFile> plan) {
        if (plan == null || plan.isEmpty()) {
            return;
        }
        ImportDialog.show(window(), importing.dialogFor(plan), new ImportDialog.Helpers() {
                    @Override
                    public Optional<Path> tokenizerFile(Window owner) {
                        return dialogs.tokenizerFile(owner);
                    }

                    @Override
                    public Optional<FieldMapping> mapFields(PlannedFile file, Window owner) {
                        MappingDialogModel model = importing.mappingFor(file);
                        Optional<FieldMapping> mapping = MappingDialog.show(owner, model);
                        mapping.filter(accepted -> model.rememberProperty().get() && file.shape() != null)
                                .ifPresent(accepted -> importing.remember(file.shape(), accepted));
                        return mapping;
                    }
                })
                .ifPresent(importing::start);
    }

    private void askToImportAgain(List<FileImport> files) {
        if (files == null || files.isEmpty()) {
            return;
        }
        ButtonType again = new ButtonType("Import Again", ButtonBar.ButtonData.OK_DONE);
        String names =
                files.stream().map(file -> file.file().getFileName().toString()).collect(Collectors.joining(", "));
        Alert alert = new Alert(
                Alert.AlertType.CONFIRMATION,
                (files.size() == 1 ? names + " is" : names + " are")
                        + " already in this workspace: the same content was imported before. Import "
                        + (files.size() == 1 ? "it" : "them") + " again as new runs?",
                ButtonType.CANCEL,
                again);
        alert.setTitle("Already imported");
        alert.setHeaderText("Already imported");
        alert.initOwner(window());
        alert.showAndWait().filter(again::equals).ifPresent(choice -> importing.importAgain(files));
    }

    private void showNotice(Notice notice) {
        if (notice == null) {
            return;
        }
        if (notice.cause() != null) {
            LOG.log(Level.WARNING, notice.title(), notice.cause());
        }
        NoticeDialog.show(window(), notice);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
