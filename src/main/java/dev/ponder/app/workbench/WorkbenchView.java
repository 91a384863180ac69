package dev.ponder.app.workbench;

import dev.ponder.app.common.Fxml;
import dev.ponder.app.compare.CompareView;
import dev.ponder.app.inspector.InspectorView;
import dev.ponder.app.inspector.LatencyLog;
import dev.ponder.app.problems.ProblemsView;
import dev.ponder.app.samples.SamplesView;
import dev.ponder.app.samples.SamplesViewModel.SampleItem;
import dev.ponder.app.search.SearchView;
import dev.ponder.app.search.SearchViewModel;
import dev.ponder.app.shell.FileDialogs;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The centre of the window: the run's overview, and the problems workbench (problems table above; samples and
 * trace inspector below). Adds the Go menu (search, find, compare, export) and moves focus with the keyboard:
 * j/k or arrows move, Enter goes one pane deeper, Esc one back.
 */
public final class WorkbenchView {
    private final WorkbenchViewModel viewModel;
    private final SearchViewModel search;
    private final FileDialogs dialogs;
    private final Node overview;
    private final Node charts;
    private final Node tree;
    private final Node replay;
    private final Parent root;
    private final ProblemsView problems;
    private final SamplesView samples;
    private final InspectorView inspector;
    private SearchView searchWindow;

    @FXML
    private TabPane tabs;

    @FXML
    private Tab overviewTab;

    @FXML
    private Tab problemsTab;

    @FXML
    private Tab chartsTab;

    @FXML
    private StackPane overviewSlot;

    @FXML
    private Tab treeTab;

    @FXML
    private Tab replayTab;

    @FXML
    private StackPane replaySlot;

    @FXML
    private StackPane chartsSlot;

    @FXML
    private StackPane treeSlot;

    @FXML
    private StackPane problemsSlot;

    @FXML
    private StackPane samplesSlot;

    @FXML
    private StackPane inspectorSlot;

    /**
     * @param overview the run overview, the first tab
     * @param charts   the charts, the third tab
     * @param tree     the tree view, the fourth tab
     * @param replay   the replay panel, the fifth tab
     * @param branch   what "Branch from Here" in the inspector does (before the Replay tab is shown)
     */
    public WorkbenchView(
            WorkbenchViewModel viewModel,
            SearchViewModel search,
            FileDialogs dialogs,
            Node overview,
            Node charts,
            Node tree,
            Node replay,
            InspectorView.BranchAction branch) {
        this.viewModel = viewModel;
        this.charts = charts;
        this.tree = tree;
        this.replay = replay;
        this.search = search;
        this.dialogs = dialogs;
        this.overview = overview;
        this.problems = new ProblemsView(viewModel.problems());
        this.samples = new SamplesView(viewModel.samples(), viewModel.tagNames());
        this.inspector = new InspectorView(viewModel.inspector(), viewModel.tagNames(), this::compare);
        inspector.measureWith(LatencyLog.fromSystemProperty());
        this.root = Fxml.load(this, "Workbench.fxml");
        inspector.onBranchFromHere((sample, problemKey, position) -> {
            branch.branch(sample, problemKey, position);
            tabs.getSelectionModel().select(replayTab);
        });
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        overviewSlot.getChildren().setAll(overview);
        chartsSlot.getChildren().setAll(charts);
        treeSlot.getChildren().setAll(tree);
        replaySlot.getChildren().setAll(replay);
        problemsSlot.getChildren().setAll(problems.root());
        samplesSlot.getChildren().setAll(samples.root());
        inspectorSlot.getChildren().setAll(inspector.root());
        viewModel.showingProblemsProperty().addListener((observable, before, show) -> {
            if (show) {
                tabs.getSelectionModel().select(problemsTab);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, before, tab) -> {
            viewModel.showingProblemsProperty().set(tab == problemsTab);
            viewModel.showingChartsProperty().set(tab == chartsTab);
        });
        viewModel.showingChartsProperty().set(tabs.getSelectionModel().getSelectedItem() == chartsTab);
        problems.table().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                samples.samplesTable().requestFocus();
                event.consume();
            }
        });
        samples.samplesTable().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                inspector.textArea().requestFocus();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE) {
                problems.table().requestFocus();
                event.consume();
            }
        });
        inspector.textArea().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                samples.samplesTable().requestFocus();
                event.consume();
            }
        });
    }

    /** The Go menu, for the menu bar. */
    public Menu menu() {
        Menu go = new Menu("_Go");
        go.getItems()
                .addAll(
                        item(
                                "_Overview",
                                "Shortcut+1",
                                () -> tabs.getSelectionModel().select(overviewTab)),
                        item("_Problems", "Shortcut+2", this::showProblems),
                        item("_Charts", "Shortcut+3", this::showCharts),
                        item(
                                "_Tree",
                                "Shortcut+4",
                                () -> tabs.getSelectionModel().select(treeTab)),
                        item(
                                "_Replay",
                                "Shortcut+5",
                                () -> tabs.getSelectionModel().select(replayTab)),
                        new SeparatorMenuItem(),
                        item("_Search the Workspace…", "Shortcut+K", this::showSearch),
                        item("_Find in Trace", "Shortcut+F", this::find),
                        item("_Compare Selected Samples", "Shortcut+D", this::compareSelected),
                        new SeparatorMenuItem(),
                        item("_Export Tagged Samples…", "Shortcut+E", this::exportTagged));
        return go;
    }

    /** Keyboard shortcuts as (keys, what they do), for Help. */
    public static List<String[]> shortcuts() {
        return List.of(
                new String[] {"Ctrl+K", "Search every trace of the workspace"},
                new String[] {"Ctrl+F", "Find in the open trace (Enter next, Shift+Enter previous, Esc close)"},
                new String[] {"j / k, ↓ / ↑", "Next / previous problem or sample"},
                new String[] {"Enter", "Problems → samples → trace"},
                new String[] {"Esc", "Trace → samples → problems"},
                new String[] {"Ctrl+1 / 2 / 3 / 4 / 5", "Overview / Problems / Charts / Tree / Replay"},
                new String[] {"Right-click a trace", "Branch from Here: continue it from that point in the Replay tab"},
                new String[] {"Tree: drag, wheel, F", "Pan, zoom around the pointer, fit the whole tree"},
                new String[] {"Tree: click, double-click", "Read a node's step and path; fold or unfold its subtree"},
                new String[] {"Click a chart's mark", "Open the problems and samples behind it"},
                new String[] {"Ctrl+D", "Compare the selected samples (or the open one with a partner)"},
                new String[] {"Ctrl+E", "Export tagged samples as JSONL"},
                new String[] {"Ctrl+I", "Import run files (Ctrl+Shift+I: a folder)"},
                new String[] {"Ctrl+O", "Open a workspace (Ctrl+Shift+N: a new one)"},
                new String[] {"Ctrl+0", "Go to the run browser (↓ / ↑ pick a run)"},
                new String[] {"Ctrl+B", "Show or hide the run browser"},
                new String[] {"Ctrl+,", "Settings"},
                new String[] {"F5", "Reload"},
                new String[] {"F1", "This list"},
                new String[] {"Ctrl+Q", "Quit"});
    }

    private static MenuItem item(String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.setOnAction(event -> action.run());
        return item;
    }

    private void showProblems() {
        tabs.getSelectionModel().select(problemsTab);
        problems.table().requestFocus();
    }

    /** Shows the Charts tab. */
    public void showCharts() {
        tabs.getSelectionModel().select(chartsTab);
    }

    private void find() {
        tabs.getSelectionModel().select(problemsTab);
        inspector.showFind();
    }

    private void showSearch() {
        if (searchWindow == null) {
            searchWindow = new SearchView(search, viewModel::open, window());
        }
        searchWindow.show();
    }

    private void compareSelected() {
        List<SampleItem> chosen = samples.selectedSamples();
        if (chosen.isEmpty()) {
            return;
        }
        compare(
                chosen.get(0).line().id(),
                chosen.size() > 1 ? chosen.get(1).line().id() : null);
    }

    private void compare(long sampleId) {
        List<SampleItem> chosen = samples.selectedSamples();
        Long other = chosen.stream()
                .map(item -> item.line().id())
                .filter(id -> id != sampleId)
                .findFirst()
                .orElse(null);
        compare(sampleId, other);
    }

    private void compare(long sampleId, Long other) {
        new CompareView(viewModel.compare(sampleId, other), window()).show();
    }

    private void exportTagged() {
        List<String> tags = viewModel.tagNames();
        if (tags.isEmpty()) {
            javafx.scene.control.Alert none = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.INFORMATION,
                    "No sample or problem is tagged yet. Tag samples in the trace inspector, then export them.");
            none.setHeaderText("Nothing tagged");
            none.initOwner(window());
            none.showAndWait();
            return;
        }
        ChoiceDialog<String> choose = new ChoiceDialog<>(tags.get(0), tags);
        choose.setTitle("Export Tagged Samples");
        choose.setHeaderText("Export the samples with this tag (on the sample or its problem) as JSONL");
        choose.setContentText("Tag:");
        choose.initOwner(window());
        choose.showAndWait()
                .ifPresent(tag -> dialogs.jsonlToWrite(window(), tag.replaceAll("[^A-Za-z0-9._-]+", "-") + ".jsonl")
                        .ifPresent(file -> viewModel.exportTagged(tag, file)));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
