package dev.ponder.app.search;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.Plural;
import dev.ponder.core.model.SearchHit;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskRunner;
import java.util.List;
import java.util.Locale;
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

    private TaskHandle running;
    private String searched = "";

    public SearchViewModel(TaskRunner tasks, WorkspaceSession session) {
        this.tasks = tasks;
        this.session = session;
        new BackgroundIndexing(tasks, session);
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
