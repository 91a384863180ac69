package dev.ponder.app.runs;

import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunAttribute;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.UserSettings;
import dev.ponder.core.task.TaskRunner;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The runs of the open workspace, reloaded in the background whenever the workspace changes. */
public final class RunBrowserViewModel {
    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunSummary> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final FollowedRuns followed;
    private final Supplier<UserSettings> settings;
    private java.util.function.Consumer<dev.ponder.core.chart.Selection> opener = selection -> {};
    private long loadsStarted;
    /** The run that now stands for the selected one, made anew by a refresh of its followed file. */
    private Long standIn;

    public RunBrowserViewModel(TaskRunner tasks, WorkspaceSession session) {
        this(tasks, session, () -> UserSettings.DEFAULTS);
    }

    public RunBrowserViewModel(TaskRunner tasks, WorkspaceSession session, Supplier<UserSettings> settings) {
        this.tasks = tasks;
        this.session = session;
        this.settings = settings;
        this.followed = new FollowedRuns(tasks, session, settings, runId -> standIn = runId);
        followed.noticeProperty().addListener((observable, before, after) -> notice.set(after));
        session.workspaceProperty().addListener((observable, before, after) -> followed.stopAll());
        session.revisionProperty().addListener((observable, before, after) -> refresh());
        refresh();
    }

    /** What opening a problem from a comparison does (shows it in the workbench). */
    public void onOpen(java.util.function.Consumer<dev.ponder.core.chart.Selection> action) {
        opener = action;
    }

    /** Run B against run A, for the Compare Runs window. */
    public dev.ponder.app.compare.RunComparisonViewModel comparison(RunSummary a, RunSummary b) {
        var comparison = new dev.ponder.app.compare.RunComparisonViewModel(
                tasks, session, a, b, opener, () -> settings.get().markers());
        comparison.noticeProperty().addListener((observable, before, after) -> notice.set(after));
        return comparison;
    }

    /** The compute-optimal frontier of these runs, for the Compute window. */
    public dev.ponder.app.compute.ComputeViewModel compute(List<RunSummary> chosen) {
        var compute = new dev.ponder.app.compute.ComputeViewModel(tasks, session, chosen);
        compute.noticeProperty().addListener((observable, before, after) -> notice.set(after));
        return compute;
    }

    /** Every grader on the run's stored answers, and regrading with one of them. */
    public dev.ponder.app.compare.GraderAgreementViewModel agreement(RunSummary run) {
        var agreement = new dev.ponder.app.compare.GraderAgreementViewModel(
                tasks, session, run.run(), this::regrade, () -> settings.get().connections());
        agreement.noticeProperty().addListener((observable, before, after) -> notice.set(after));
        return agreement;
    }

    /** What is bringing runs into the workspace just now, or empty: the empty list's words. */
    public javafx.beans.property.ReadOnlyStringProperty fillingProperty() {
        return session.fillingProperty();
    }

    /** The runs whose files are followed as a running evaluation writes them. */
    public FollowedRuns followed() {
        return followed;
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    /** The run the user picked; other screens show it. */
    public ObjectProperty<RunSummary> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** Reloads the list, keeping the selected run selected if it still exists. */
    public void refresh() {
        WorkspaceServices workspace = session.workspace();
        long load = ++loadsStarted;
        if (workspace == null) {
            runs.clear();
            selected.set(null);
            return;
        }
        loading.set(true);
        tasks.submit(
                "Loading runs",
                context -> workspace.runs().summaries(),
                summaries -> {
                    if (load == loadsStarted) {
                        loading.set(false);
                        show(summaries);
                    }
                },
                error -> {
                    if (load == loadsStarted) {
                        loading.set(false);
                        notice.set(Notice.error("Cannot list the runs of " + workspace.displayName(), error));
                    }
                });
    }

    /** Deletes the selected run and everything of it from the workspace. The view asks for confirmation first. */
    public void deleteSelected() {
        RunSummary run = selected.get();
        WorkspaceServices workspace = session.workspace();
        if (run == null || workspace == null) {
            return;
        }
        tasks.submit(
                "Deleting " + run.run().name(),
                context -> workspace.runs().delete(run.run().id()),
                deleted -> session.changed(),
                error -> notice.set(Notice.error("Cannot delete " + run.run().name(), error)));
    }

    /** Stores edited attributes of a run (name, model, strategy, budget, group, ...); blank values clear them. */
    public void edit(Run run, Map<RunAttribute, String> values) {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null) {
            return;
        }
        Run edited;
        try {
            edited = RunAttribute.apply(run, values);
        } catch (IllegalArgumentException e) {
            notice.set(Notice.error("Cannot change " + run.name(), e));
            return;
        }
        tasks.submit(
                "Saving " + edited.name(),
                context -> workspace.runs().edit(edited),
                updated -> session.changed(),
                error -> notice.set(Notice.error("Cannot change " + run.name(), error)));
    }

    /** Grades the run again with another grading; a message says what changed. */
    public void regrade(Run run, Grading grading) {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null) {
            return;
        }
        tasks.submit(
                "Regrading " + run.name() + " with " + grading.label(),
                context -> workspace.runs().regrade(run.id(), grading, context),
                result -> {
                    session.changed();
                    notice.set(Notice.info("Regraded " + run.name(), capitalised(result.summary()) + "."));
                },
                error -> notice.set(Notice.error("Cannot regrade " + run.name(), error)));
    }

    /** Writes the run to {@code out} in {@code format} (Ponder's JSONL, lm-eval's, or the columns as Parquet). */
    public void exportRun(Run run, dev.ponder.core.service.ExportService.RunFormat format, java.nio.file.Path out) {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null) {
            return;
        }
        tasks.submit(
                "Exporting " + run.name(),
                context -> workspace.exports().run(run.id(), format, out, context),
                written -> notice.set(Notice.info(
                        "Exported " + run.name(),
                        dev.ponder.core.Plural.of(written, "sample") + " written to " + out + ".")),
                error -> notice.set(Notice.error("Cannot export " + run.name(), error)));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static java.util.Optional<RunSummary> withId(List<RunSummary> summaries, Long id) {
        return summaries.stream()
                .filter(summary -> id != null && summary.run().id() == id)
                .findFirst();
    }

    private void show(List<RunSummary> summaries) {
        Long made = session.takeRunToShow();
        Long keep = selected.get() == null ? null : selected.get().run().id();
        Long instead = standIn;
        standIn = null;
        runs.setAll(summaries);
        // a run just imported, else the one selected, else the one that replaced it, else the first
        selected.set(withId(summaries, made)
                .or(() -> withId(summaries, keep))
                .or(() -> withId(summaries, instead))
                .orElse(summaries.isEmpty() ? null : summaries.get(0)));
    }
}
