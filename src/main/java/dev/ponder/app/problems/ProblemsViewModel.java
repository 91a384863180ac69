package dev.ponder.app.problems;

import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.Plural;
import dev.ponder.core.analysis.ProblemFilter;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskRunner;
import dev.ponder.core.trace.ReflectionMarkers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * A run's problems as table rows, the filter over them, saved filters, and the selected problem. Rows come from
 * the run's cached columns at once; the first-correct column fills in when the traces' facts are read.
 */
public final class ProblemsViewModel {
    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final Supplier<ReflectionMarkers> markers;
    private final ObjectProperty<RunSummary> run = new SimpleObjectProperty<>();
    private final ObservableList<ProblemRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ProblemRow> shown = new FilteredList<>(rows, row -> true);
    private final ObjectProperty<ProblemFilter> filter = new SimpleObjectProperty<>(ProblemFilter.ALL);
    private final ObjectProperty<Restriction> restriction = new SimpleObjectProperty<>();
    private final ObjectProperty<ProblemRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> savedFilters = FXCollections.observableArrayList();
    private final ObservableList<String> tagNames = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final List<TaskHandle> running = new ArrayList<>();
    private Map<String, String> savedSpecs = Map.of();
    private long pendingProblem = -1;
    /** Whether the traces' facts (first-correct positions) are in the rows, so filters on them count right. */
    private boolean tracesRead;

    private long loadedRun = -1;
    private long loads;

    public ProblemsViewModel(TaskRunner tasks, WorkspaceSession session, Supplier<ReflectionMarkers> markers) {
        this.tasks = tasks;
        this.session = session;
        this.markers = markers;
        run.addListener((observable, before, after) -> {
            if (before == null
                    || after == null
                    || before.run().id() != after.run().id()) {
                pendingProblem = -1;
            }
            load(after, -1);
        });
        filter.addListener((observable, before, after) -> applyFilter());
        restriction.addListener((observable, before, after) -> applyFilter());
        session.revisionProperty().addListener((observable, before, after) -> reloadKeepingSelection());
        session.workspaceProperty().addListener((observable, before, after) -> loadSavedFilters());
        loadSavedFilters();
    }

    /** The run whose problems to show; bind it to the run browser's selection. */
    public ObjectProperty<RunSummary> runProperty() {
        return run;
    }

    /** Every problem of the run. */
    public ObservableList<ProblemRow> rows() {
        return rows;
    }

    /** The problems the filter keeps, in the run's order; the view sorts them. */
    public ObservableList<ProblemRow> shown() {
        return shown;
    }

    public ObjectProperty<ProblemFilter> filterProperty() {
        return filter;
    }

    /**
     * Problems opened from a chart's mark: only these are shown (with the filter on top) until it is cleared.
     *
     * @param description what the mark was, e.g. "wrong samples with 16,384–32,768 tokens"
     * @param problemIds  the problems behind it
     */
    public record Restriction(String description, java.util.Set<Long> problemIds) {}

    /** The problems a chart opened, or {@code null}. */
    public ObjectProperty<Restriction> restrictionProperty() {
        return restriction;
    }

    private void applyFilter() {
        ProblemFilter current = filter.get();
        Restriction only = restriction.get();
        java.util.function.Predicate<ProblemRow> kept = current == null || current.isAll() ? row -> true : current;
        shown.setPredicate(only == null ? kept : row -> only.problemIds().contains(row.problemId()) && kept.test(row));
        describe();
    }

    /** The problem whose samples are shown; the view keeps its table's selection and this in step. */
    public ObjectProperty<ProblemRow> selectedProperty() {
        return selected;
    }

    public ObservableList<String> savedFilters() {
        return savedFilters;
    }

    /** Every tag of the workspace, for the tag filter. */
    public ObservableList<String> tagNames() {
        return tagNames;
    }

    /** "4,000 problems · 312 shown", or what is being loaded. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** Selects this problem once the rows are there (opening a search hit). */
    public void reveal(long problemId) {
        if (run.get() != null && loadedRun == run.get().run().id() && select(problemId)) {
            return;
        }
        pendingProblem = problemId;
    }

    public void saveFilter(String name) {
        WorkspaceServices workspace = session.workspace();
        ProblemFilter current = filter.get();
        if (workspace == null || name == null || name.isBlank()) {
            return;
        }
        tasks.submit(
                "Saving filter " + name.strip(),
                context -> {
                    workspace.annotations().saveFilter(name, current.toJson());
                    return null;
                },
                done -> loadSavedFilters(),
                error -> notice.set(Notice.error("Cannot save the filter", error)));
    }

    public void applySavedFilter(String name) {
        String spec = savedSpecs.get(name);
        if (spec != null) {
            try {
                filter.set(ProblemFilter.fromJson(spec));
            } catch (IllegalArgumentException e) {
                notice.set(Notice.error("Cannot use the saved filter " + name, e));
            }
        }
    }

    public void deleteSavedFilter(String name) {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null) {
            return;
        }
        tasks.submit(
                "Deleting filter " + name,
                context -> {
                    workspace.annotations().deleteFilter(name);
                    return null;
                },
                done -> loadSavedFilters(),
                error -> notice.set(Notice.error("Cannot delete the filter", error)));
    }

    /** Reloads the tags of the rows after tagging, keeping rows, order and selection. */
    public void refreshTags() {
        WorkspaceServices workspace = session.workspace();
        RunSummary summary = run.get();
        if (workspace == null || summary == null) {
            return;
        }
        long runId = summary.run().id();
        tasks.submit(
                "Loading tags",
                context -> new Tagged(
                        workspace.annotations().problemTagsOfRun(runId),
                        workspace.annotations().tagNames()),
                tagged -> {
                    // By id: the run browser may have replaced the summary with an equal one meanwhile.
                    if (run.get() == null || run.get().run().id() != runId) {
                        return;
                    }
                    replaceRows(rows.stream()
                            .map(row -> row.withTags(tagged.byProblem.getOrDefault(row.problemId(), List.of())))
                            .toList());
                    tagNames.setAll(tagged.names);
                },
                error -> notice.set(Notice.error("Cannot load the tags", error)));
    }

    private record Tagged(Map<Long, List<String>> byProblem, List<String> names) {}

    private void reloadKeepingSelection() {
        ProblemRow was = selected.get();
        load(run.get(), was == null ? -1 : was.problemId());
    }

    private void load(RunSummary summary, long keep) {
        running.forEach(TaskHandle::cancel);
        running.clear();
        long load = ++loads;
        WorkspaceServices workspace = session.workspace();
        if (summary != null && summary.run().id() != loadedRun) {
            rows.clear(); // another run's problems never stand under this one's "Loading problems…"
        }
        loadedRun = -1;
        if (summary == null || workspace == null) {
            rows.clear();
            selected.set(null);
            status.set("");
            return;
        }
        if (keep >= 0) {
            pendingProblem = keep;
        }
        long runId = summary.run().id();
        tracesRead = false;
        status.set("Loading problems…");
        running.add(tasks.submit(
                "Problems of " + summary.run().name(),
                context -> {
                    return new Loaded(
                            workspace.analysis().problemTable(runId),
                            workspace.annotations().tagNames());
                },
                loaded -> {
                    if (load != loads) {
                        return;
                    }
                    loadedRun = runId;
                    selected.set(null);
                    rows.setAll(loaded.rows);
                    tagNames.setAll(loaded.tags);
                    describe();
                    if (pendingProblem >= 0) {
                        select(pendingProblem);
                        pendingProblem = -1;
                    }
                    readTraces(workspace, summary, load);
                },
                error -> {
                    if (load == loads) {
                        rows.clear();
                        status.set("Cannot load the problems: " + error.getMessage());
                    }
                }));
    }

    private record Loaded(List<ProblemRow> rows, List<String> tags) {}

    /** Fills in the first-correct column from the traces' facts (cached after the first time). */
    private void readTraces(WorkspaceServices workspace, RunSummary summary, long load) {
        ReflectionMarkers chosen = markers.get();
        running.add(tasks.submit(
                "Reading the traces of " + summary.run().name(),
                context -> workspace.analysis().firstCorrect(summary.run().id(), chosen, context),
                firstCorrect -> {
                    if (load != loads) {
                        return;
                    }
                    tracesRead = true;
                    replaceRows(rows.stream()
                            .map(row -> row.withFirstCorrectAt(firstCorrect.getOrDefault(row.problemId(), Double.NaN)))
                            .toList());
                },
                error -> {
                    if (load == loads) {
                        tracesRead = true;
                        describe();
                        status.set(status.get() + " · first-correct positions unavailable: " + error.getMessage());
                    }
                }));
    }

    /** New rows for the same problems (tags or trace facts filled in), the selected problem kept selected. */
    private void replaceRows(List<ProblemRow> updated) {
        ProblemRow was = selected.get();
        rows.setAll(updated);
        if (was != null) {
            select(was.problemId());
        }
        describe();
    }

    private boolean select(long problemId) {
        for (ProblemRow row : rows) {
            if (row.problemId() == problemId) {
                if (!shown.contains(row)) {
                    filter.set(ProblemFilter.ALL);
                    if (!shown.contains(row)) {
                        restriction.set(null);
                    }
                }
                selected.set(row);
                return true;
            }
        }
        return false;
    }

    private void describe() {
        if (run.get() == null) {
            status.set("");
            return;
        }
        Restriction only = restriction.get();
        ProblemFilter current = filter.get() == null ? ProblemFilter.ALL : filter.get();
        if (current.foundEarly() && !tracesRead) {
            // the filter needs the traces' first-correct positions: no count until it is true
            status.set("computing “right early, kept thinking” from the traces…");
            return;
        }
        if (only != null) {
            // a chart's problems under filters set before: say how many the filters hide, never a bare smaller count
            long fromChart = rows.stream()
                    .filter(row -> only.problemIds().contains(row.problemId()))
                    .count();
            String hidden = current.isAll() || fromChart == shown.size()
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            " · %,d hidden by %s",
                            fromChart - shown.size(),
                            current.parts().stream()
                                    .map(ProblemFilter.Part::label)
                                    .collect(java.util.stream.Collectors.joining(", ")));
            status.set(String.format(
                    Locale.ROOT, "%,d of the chart's %s%s", shown.size(), Plural.of(fromChart, "problem"), hidden));
            return;
        }
        status.set(
                shown.size() == rows.size()
                        ? Plural.of(rows.size(), "problem")
                        : String.format(Locale.ROOT, "%,d of %s", shown.size(), Plural.of(rows.size(), "problem")));
    }

    private void loadSavedFilters() {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null) {
            savedFilters.clear();
            return;
        }
        tasks.submit(
                "Loading saved filters",
                context -> workspace.annotations().savedFilters(),
                specs -> {
                    savedSpecs = specs;
                    savedFilters.setAll(specs.keySet());
                },
                error -> notice.set(Notice.error("Cannot load the saved filters", error)));
    }
}
