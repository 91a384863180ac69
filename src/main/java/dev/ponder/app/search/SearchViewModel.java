package dev.ponder.app.search;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.Plural;
import dev.ponder.core.model.SearchHit;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Search across every trace of the workspace: a phrase, the hits by run, problem and sample, and how long it took. */
public final class SearchViewModel {
    /** Most hits listed; the status says when there may be more. */
    static final int LIMIT = 500;

    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Type a phrase, e.g. let me reconsider");
    private static final Logger LOG = Logger.getLogger(SearchViewModel.class.getName());

    private TaskHandle running;
    private TaskHandle indexing;
    private WorkspaceServices indexingFor;
    private boolean indexAgain;
    private boolean indexRunning;
    private long indexBuilds;
    private String searched = "";

    public SearchViewModel(TaskRunner tasks, WorkspaceSession session) {
        this.tasks = tasks;
        this.session = session;
        session.revisionProperty().addListener((observable, before, after) -> indexInBackground());
    }

    /**
     * Runs imported since are made searchable in the background, after their figures are on screen (an import commits
     * a run before its index); one build at a time, another after it when the workspace changed meanwhile.
     */
    private void indexInBackground() {
        WorkspaceServices workspace = session.workspace();
        if (indexRunning && indexingFor == workspace) {
            indexAgain = true;
            return;
        }
        if (indexRunning) {
            indexing.cancel();
            indexRunning = false;
        }
        indexAgain = false;
        indexingFor = workspace;
        if (workspace == null) {
            return;
        }
        long build = ++indexBuilds;
        indexRunning = true;
        indexing = tasks.submit(
                "Making the traces searchable",
                context -> {
                    workspace.search().indexPending(context);
                    return null;
                },
                done -> indexed(build),
                error -> {
                    // a search says what is wrong when it meets the same failure; here it only waits for that
                    LOG.log(Level.INFO, "Background indexing of the traces stopped", error);
                    indexed(build);
                });
    }

    private void indexed(long build) {
        if (build != indexBuilds) {
            return; // a build for the workspace shown before, cancelled
        }
        indexRunning = false;
        if (indexAgain) {
            indexInBackground();
        }
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<SearchHit> hits() {
        return hits;
    }

    /** How many hits, in how long; or why there are none. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The phrase the listed hits are for. */
    public String searched() {
        return searched;
    }

    public void search() {
        WorkspaceServices workspace = session.workspace();
        String phrase = query.get() == null ? "" : query.get().strip();
        if (running != null) {
            running.cancel();
        }
        if (workspace == null || phrase.isEmpty()) {
            hits.clear();
            status.set("Type a phrase, e.g. let me reconsider");
            return;
        }
        status.set("Searching…");
        running = tasks.submit(
                "Searching the workspace",
                context -> {
                    long started = System.nanoTime();
                    if (!workspace.search().unindexedRuns().isEmpty()) {
                        tasks.tell(() -> status.set("Making the newest runs searchable first…"));
                    }
                    List<SearchHit> found = workspace.search().find(phrase, LIMIT, context);
                    long total = found.size() < LIMIT
                            ? found.size()
                            : workspace.search().count(phrase);
                    return new Found(found, total, (System.nanoTime() - started) / 1e6);
                },
                found -> {
                    searched = phrase;
                    hits.setAll(found.hits);
                    status.set(String.format(
                            Locale.ROOT,
                            "%s%s in %.0f ms",
                            Plural.of(found.total, "hit"),
                            found.total > found.hits.size()
                                    ? String.format(Locale.ROOT, " (the first %,d listed)", found.hits.size())
                                    : "",
                            found.millis));
                },
                error -> {
                    hits.clear();
                    status.set("Cannot search for that: " + error.getMessage());
                });
    }

    private record Found(List<SearchHit> hits, long total, double millis) {}
}
