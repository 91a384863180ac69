package dev.ponder.app.tree;

import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.chart.Selection;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.TreeService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskRunner;
import dev.ponder.core.tree.SearchNode;
import dev.ponder.core.tree.SearchTree;
import dev.ponder.core.tree.TreeFigure;
import dev.ponder.core.tree.TreeOptions;
import dev.ponder.core.tree.TreeScene;
import dev.ponder.core.tree.TreeSource;
import dev.ponder.core.tree.TreeWords;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One problem's tree: which tree (the recorded search, the samples' prefix tree, their rounds and branches), how
 * it is drawn, which subtrees are folded, the node chosen and what it says, and playback of the search's
 * iterations. Follows the run browser and the problem chosen in the workbench; loads in the background.
 */
public final class TreeViewModel {
    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final ObservableValue<RunSummary> run;
    private final ObservableValue<ProblemRow> problem;
    private final ObservableList<TreeSource> sources = FXCollections.observableArrayList();
    private final ObjectProperty<TreeSource> source = new SimpleObjectProperty<>();
    private final BooleanProperty fold = new SimpleBooleanProperty(true);
    private final ObjectProperty<TreeOptions> options = new SimpleObjectProperty<>(TreeOptions.DEFAULT);
    private final ReadOnlyObjectWrapper<TreeScene> scene = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty chosen = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper lastIteration = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nodeTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nodeFacts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pathText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canOpenSample = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final BitSet collapsed = new BitSet();
    private SearchTree tree;
    private long treeRunId;
    private long treeProblemId;
    private String problemLabel = "";
    private TaskHandle loading;
    private long loads;
    private boolean loadingSource;
    private Consumer<Selection> opener = selection -> {};

    public TreeViewModel(
            TaskRunner tasks,
            WorkspaceSession session,
            ObservableValue<RunSummary> run,
            ObservableValue<ProblemRow> problem) {
        this.tasks = tasks;
        this.session = session;
        this.run = run;
        this.problem = problem;
        run.addListener((observable, before, after) -> load());
        problem.addListener((observable, before, after) -> load());
        session.revisionProperty().addListener((observable, before, after) -> load());
        source.addListener((observable, before, after) -> {
            if (!loadingSource && after != null) {
                load();
            }
        });
        fold.addListener((observable, before, after) -> load());
        options.addListener((observable, before, after) -> redraw());
        chosen.addListener((observable, before, after) -> {
            describe(after.intValue());
            redraw();
        });
        load();
    }

    public ObservableList<TreeSource> sources() {
        return sources;
    }

    /** Which tree of the problem is shown; only the sources the run has are offered. */
    public ObjectProperty<TreeSource> sourceProperty() {
        return source;
    }

    /** For the samples' prefix tree: unbranched stretches folded into single nodes. */
    public BooleanProperty foldProperty() {
        return fold;
    }

    public ObjectProperty<TreeOptions> optionsProperty() {
        return options;
    }

    public ReadOnlyObjectProperty<TreeScene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    /** The chosen node (its path highlighted, its text in the inspector), or -1. */
    public IntegerProperty chosenProperty() {
        return chosen;
    }

    /** The last iteration of the search: playback runs from 1 to it; 0 when the file records none. */
    public ReadOnlyIntegerProperty lastIterationProperty() {
        return lastIteration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nodeTitleProperty() {
        return nodeTitle.getReadOnlyProperty();
    }

    /** The chosen node's numbers: value, visits, reward, samples, answer and verdict. */
    public ReadOnlyStringProperty nodeFactsProperty() {
        return nodeFacts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    /** The text of the whole path from the root to the chosen node. */
    public ReadOnlyStringProperty pathTextProperty() {
        return pathText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOpenSampleProperty() {
        return canOpenSample.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** Where "Open sample" goes: the workbench, showing the sample behind the chosen node. */
    public void onOpen(Consumer<Selection> action) {
        opener = action;
    }

    /** Chooses a node, or -1 for none. */
    public void choose(int node) {
        chosen.set(node);
    }

    /** Folds the node's subtree away, or unfolds it. */
    public void toggleCollapsed(int node) {
        if (tree == null || node < 0 || tree.isLeaf(node)) {
            return;
        }
        collapsed.flip(node);
        redraw();
    }

    /** Unfolds every subtree. */
    public void expandAll() {
        collapsed.clear();
        redraw();
    }

    /** Folds every subtree below {@code depth}: a first look at a huge tree. */
    public void collapseBelow(int depth) {
        if (tree == null) {
            return;
        }
        collapsed.clear();
        for (int node = 0; node < tree.size(); node++) {
            if (tree.depth(node) == depth && !tree.isLeaf(node)) {
                collapsed.set(node);
            }
        }
        redraw();
    }

    /** Shows the search as it stood after an iteration; 0 shows the finished search. */
    public void showIteration(int iteration) {
        options.set(options.get().withIteration(Math.max(0, Math.min(iteration, lastIteration.get()))));
    }

    /** Opens the sample that ends at the chosen node in the workbench. */
    public void openSample() {
        int node = chosen.get();
        if (tree == null || node < 0 || tree.node(node).sampleId() == 0) {
            return;
        }
        long sampleId = tree.node(node).sampleId();
        long problemId = treeProblemId;
        opener.accept(new Selection(treeRunId, "the sample of the chosen tree node", () -> new long[] {problemId}, () ->
                new long[] {sampleId}));
    }

    /** Writes the tree as drawn (folds, highlights, moment) as a paper figure. */
    public void export(Path file, PaperStyle style, int dpi, Consumer<String> done) {
        TreeScene current = scene.get();
        WorkspaceServices workspace = session.workspace();
        if (current == null || workspace == null) {
            return;
        }
        TreeFigure figure = new TreeFigure(current, style, source.get().label() + " · " + problemLabel);
        tasks.submit(
                "Exporting the tree",
                context -> {
                    workspace.exports().figure(figure, figure.title(), style, dpi, file);
                    return file;
                },
                written -> done.accept("Exported the tree to " + written.toAbsolutePath()),
                error -> notice.set(Notice.error("Cannot export the tree", error)));
    }

    private record Loaded(
            long runId,
            long problemId,
            String label,
            List<TreeSource> sources,
            TreeSource source,
            SearchTree tree,
            TreeScene scene) {}

    private void load() {
        WorkspaceServices workspace = session.workspace();
        RunSummary summary = run.getValue();
        if (loading != null) {
            loading.cancel();
        }
        if (workspace == null || summary == null) {
            show(null);
            status.set("Choose a run in the run browser.");
            return;
        }
        long runId = summary.run().id();
        ProblemRow row = problem.getValue();
        TreeSource wanted = source.get();
        boolean folded = fold.get();
        TreeOptions drawing = options.get().withIteration(0);
        long load = ++loads;
        busy.set(true);
        loading = tasks.submit(
                "Loading the tree",
                context -> {
                    Problem chosen = row == null
                            ? null
                            : new Problem(row.problemId(), row.key(), null, row.question(), row.gold(), null);
                    var opened = workspace.trees().open(runId, chosen, wanted, true, folded);
                    if (opened.isEmpty()) {
                        return null;
                    }
                    TreeService.Opened tree = opened.get();
                    context.checkCancelled();
                    return new Loaded(
                            runId,
                            tree.problem().id(),
                            tree.problem().key(),
                            tree.sources(),
                            tree.source(),
                            tree.tree(),
                            tree.tree() == null ? null : new TreeScene(tree.tree(), drawing, new BitSet(), -1));
                },
                loaded -> {
                    if (load == loads) {
                        busy.set(false);
                        show(loaded);
                    }
                },
                error -> {
                    if (load == loads) {
                        busy.set(false);
                        show(null);
                        status.set("No tree: " + error.getMessage());
                    }
                });
    }

    private void show(Loaded loaded) {
        collapsed.clear();
        tree = loaded == null ? null : loaded.tree();
        loadingSource = true;
        sources.setAll(loaded == null ? List.of() : loaded.sources());
        source.set(loaded == null ? null : loaded.source());
        loadingSource = false;
        if (loaded == null) {
            scene.set(null);
            lastIteration.set(0);
            chosen.set(-1);
            describe(-1);
            status.set("This run has neither search trees nor samples: nothing to draw as a tree.");
            return;
        }
        treeRunId = loaded.runId();
        treeProblemId = loaded.problemId();
        problemLabel = loaded.label();
        if (tree == null) {
            scene.set(null);
            lastIteration.set(0);
            status.set("Problem " + loaded.label() + " has neither a search tree nor samples in this run.");
            chosen.set(-1);
            return;
        }
        lastIteration.set(tree.lastIteration());
        if (options.get().iteration() > tree.lastIteration()) {
            options.set(options.get().withIteration(0));
        }
        chosen.set(-1);
        if (options.get().iteration() == 0) {
            scene.set(loaded.scene());
        } else {
            redraw();
        }
        describe(-1);
        status.set(TreeWords.summary(tree, loaded.source().label(), loaded.label()));
    }

    private void redraw() {
        if (tree == null) {
            return;
        }
        scene.set(new TreeScene(tree, options.get(), collapsed, chosen.get()));
    }

    private void describe(int node) {
        canOpenSample.set(tree != null && node >= 0 && tree.node(node).sampleId() != 0);
        if (tree == null || node < 0 || node >= tree.size()) {
            nodeTitle.set("");
            nodeFacts.set("Click a node to read its step and the path to it; double-click folds its subtree.");
            stepText.set("");
            pathText.set("");
            return;
        }
        SearchNode data = tree.node(node);
        nodeTitle.set((node == 0 ? "Root" : "Node " + data.key()) + " · depth " + tree.depth(node)
                + (data.pruned() ? " · pruned" : ""));
        Double value = scene.get() == null ? data.value() : scene.get().value(node);
        nodeFacts.set(TreeWords.facts(tree, node, value));
        stepText.set(data.stepText() == null ? "" : data.stepText());
        pathText.set(tree.cumulativeText(node));
    }
}
