package dev.ponder.app.workbench;

import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.app.compare.CompareViewModel;
import dev.ponder.app.inspector.InspectorViewModel;
import dev.ponder.app.problems.ProblemsViewModel;
import dev.ponder.app.samples.SamplesViewModel;
import dev.ponder.core.chart.Selection;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.model.SearchHit;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskRunner;
import dev.ponder.core.trace.ReflectionMarkers;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The problems workbench: the run's problems, the selected problem's samples, the selected sample's trace, kept
 * in step (a problem selected shows its samples; a sample selected opens in the inspector), and opening a search
 * hit at its run, problem, sample and phrase.
 */
public final class WorkbenchViewModel {
    private final ObjectProperty<RunSummary> run;
    private final ObservableList<RunSummary> runs;
    private final ProblemsViewModel problems;
    private final SamplesViewModel samples;
    private final InspectorViewModel inspector;
    private final BooleanProperty showingProblems = new SimpleBooleanProperty();
    private final BooleanProperty showingCharts = new SimpleBooleanProperty();
    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final Supplier<ReflectionMarkers> markers;
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /**
     * @param run  the run browser's selection, which this follows and sets when a hit is in another run
     * @param runs the runs of the workspace
     */
    public WorkbenchViewModel(
            TaskRunner tasks,
            WorkspaceSession session,
            Supplier<ReflectionMarkers> markers,
            ObjectProperty<RunSummary> run,
            ObservableList<RunSummary> runs) {
        this.run = run;
        this.runs = runs;
        this.tasks = tasks;
        this.session = session;
        this.markers = markers;
        this.problems = new ProblemsViewModel(tasks, session, markers);
        this.samples = new SamplesViewModel(tasks, session);
        this.inspector = new InspectorViewModel(tasks, session, markers);
        problems.runProperty().bind(run);
        samples.runProperty().bind(run);
        problems.selectedProperty().addListener((observable, before, after) -> inspector.selectionMoved());
        samples.problemProperty().bind(problems.selectedProperty());
        problems.restrictionProperty().addListener((observable, before, after) -> {
            if (after == null) {
                samples.onlySamplesProperty().set(null);
            }
        });
        // A problem's samples reload with nothing selected at first: the old trace stays until the new one is read.
        samples.selectedProperty().addListener((observable, before, item) -> {
            if (item != null) {
                inspector.sampleIdProperty().set(item.line().id());
            }
        });
        samples.problemProperty().addListener((observable, before, after) -> {
            if (after == null) {
                inspector.sampleIdProperty().set(null);
            }
        });
        samples.onTagsChanged(problems::refreshTags);
        inspector.onTagsChanged(() -> {
            samples.refreshSampleTags();
            problems.refreshTags();
        });
    }

    public ProblemsViewModel problems() {
        return problems;
    }

    public SamplesViewModel samples() {
        return samples;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    /** Whether the Problems tab is the one shown; opening a hit switches to it. */
    public BooleanProperty showingProblemsProperty() {
        return showingProblems;
    }

    /** Whether the Charts tab is on screen: the charts are drawn only then. */
    public BooleanProperty showingChartsProperty() {
        return showingCharts;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** A line for the status bar about an export that finished. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The tags of the workspace, for choosing what to export. */
    public ObservableList<String> tagNames() {
        return problems.tagNames();
    }

    /** A comparison of a sample with another (or, when {@code other} is null, with a likely partner). */
    public CompareViewModel compare(long sampleId, Long other) {
        CompareViewModel compare = new CompareViewModel(tasks, session, markers);
        compare.open(sampleId, other);
        return compare;
    }

    /** Writes the samples tagged {@code tag} (in every run) to a JSONL file. */
    public void exportTagged(String tag, Path out) {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null || tag == null || tag.isBlank()) {
            return;
        }
        tasks.submit(
                "Exporting samples tagged " + tag,
                context -> workspace.exports().taggedSamples(tag, null, out, context),
                written -> status.set(String.format(
                        Locale.ROOT,
                        "Exported %,d sample%s tagged \"%s\" to %s",
                        written,
                        written == 1 ? "" : "s",
                        tag,
                        out)),
                error -> notice.set(Notice.error("Cannot export the samples tagged " + tag, error)));
    }

    /**
     * Opens what is behind a chart's mark: its run's problems, only those behind the mark (and of them only the
     * samples behind it), the first selected.
     */
    public void open(Selection selection) {
        long[] problemIds = selection.problemIds();
        long[] sampleIds = selection.sampleIds();
        showingProblems.set(true);
        RunSummary current = run.get();
        if (current == null || current.run().id() != selection.runId()) {
            runs.stream()
                    .filter(summary -> summary.run().id() == selection.runId())
                    .findFirst()
                    .ifPresent(run::set);
        }
        samples.onlySamplesProperty()
                .set(
                        sampleIds.length == 0
                                ? null
                                : java.util.Arrays.stream(sampleIds)
                                        .boxed()
                                        .collect(java.util.stream.Collectors.toSet()));
        problems.restrictionProperty()
                .set(new ProblemsViewModel.Restriction(
                        selection.description(),
                        java.util.Arrays.stream(problemIds).boxed().collect(java.util.stream.Collectors.toSet())));
        if (problemIds.length > 0) {
            problems.reveal(problemIds[0]);
        }
        if (sampleIds.length > 0) {
            samples.reveal(sampleIds[0]);
        }
    }

    /** Opens a search hit: its run, problem and sample, scrolled to the phrase. */
    public void open(SearchHit hit, String phrase) {
        showingProblems.set(true);
        RunSummary current = run.get();
        if (current == null || current.run().id() != hit.runId()) {
            runs.stream()
                    .filter(summary -> summary.run().id() == hit.runId())
                    .findFirst()
                    .ifPresent(run::set);
        }
        inspector.revealPhrase(hit.sampleId(), phrase);
        samples.reveal(hit.sampleId());
        problems.reveal(hit.problemId());
    }
}
