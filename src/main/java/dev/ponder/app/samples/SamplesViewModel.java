package dev.ponder.app.samples;

import dev.ponder.app.common.Figures;
import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.Plural;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.analysis.VoteDistribution;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.model.SampleLine;
import dev.ponder.core.service.SampleService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The selected problem's vote distribution and samples, its tags and note. Selecting a cluster keeps the samples
 * that voted for it. Samples are listed without their text.
 */
public final class SamplesViewModel {
    /** A sample line with its tags, for the samples table. */
    /**
     * A sample as the table shows it, with its tags and how its verdict changed since the same sample's round before
     * ("right → wrong", "wrong → right", or empty).
     */
    public record SampleItem(SampleLine line, List<String> tags, String roundChange) {
        public SampleItem(SampleLine line, List<String> tags) {
            this(line, tags, "");
        }
    }

    /** Each sample's change of verdict since the round before of the same sample index, by sample id. */
    static java.util.Map<Long, String> roundChanges(List<SampleLine> lines) {
        java.util.Map<Long, String> changes = new java.util.HashMap<>();
        java.util.Map<Integer, java.util.TreeMap<Integer, SampleLine>> byIndex = new java.util.HashMap<>();
        for (SampleLine line : lines) {
            byIndex.computeIfAbsent(line.index(), index -> new java.util.TreeMap<>())
                    .put(line.round(), line);
        }
        for (java.util.TreeMap<Integer, SampleLine> rounds : byIndex.values()) {
            SampleLine before = null;
            for (SampleLine line : rounds.values()) {
                if (before != null
                        && before.correct() != null
                        && line.correct() != null
                        && !before.correct().equals(line.correct())) {
                    changes.put(line.id(), line.correct() ? "wrong → right" : "right → wrong");
                }
                before = line;
            }
        }
        return changes;
    }

    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final ObjectProperty<RunSummary> run = new SimpleObjectProperty<>();
    private final ObjectProperty<ProblemRow> problem = new SimpleObjectProperty<>();
    private final ObservableList<VoteRow> votes = FXCollections.observableArrayList();
    private final ObservableList<SampleItem> samples = FXCollections.observableArrayList();
    private final FilteredList<SampleItem> shown = new FilteredList<>(samples, item -> true);
    private final ObjectProperty<VoteRow> cluster = new SimpleObjectProperty<>();
    private final ObjectProperty<java.util.Set<Long>> onlySamples = new SimpleObjectProperty<>();
    private final ObjectProperty<SampleItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> problemTags = FXCollections.observableArrayList();
    private final StringProperty problemNote = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summaryLine = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private TaskHandle running;
    private long pendingSample = -1;
    private long loads;
    private long loadedProblem = -1;
    private Runnable tagsChanged = () -> {};

    public SamplesViewModel(TaskRunner tasks, WorkspaceSession session) {
        this.tasks = tasks;
        this.session = session;
        problem.addListener((observable, before, after) -> {
            if (before == null || after == null || before.problemId() != after.problemId()) {
                load();
            }
        });
        cluster.addListener((observable, before, after) -> applyFilter());
        onlySamples.addListener((observable, before, after) -> applyFilter());
    }

    public ObjectProperty<RunSummary> runProperty() {
        return run;
    }

    /** The problem to show; bind it to the problems table's selection. */
    public ObjectProperty<ProblemRow> problemProperty() {
        return problem;
    }

    /** The answer clusters, most votes first, then "no answer". */
    public ObservableList<VoteRow> votes() {
        return votes;
    }

    /** The samples the chosen cluster keeps (all when none is chosen). */
    public ObservableList<SampleItem> shown() {
        return shown;
    }

    /**
     * The samples a chart opened: only these are shown, in every problem, until it is set to {@code null} (and
     * a problem none of whose samples is among them shows all of its own).
     */
    public ObjectProperty<java.util.Set<Long>> onlySamplesProperty() {
        return onlySamples;
    }

    private void applyFilter() {
        VoteRow chosen = cluster.get();
        java.util.Set<Long> only = onlySamples.get();
        boolean anyKept = only != null
                && samples.stream().anyMatch(item -> only.contains(item.line().id()));
        shown.setPredicate(item -> (chosen == null || Objects.equals(item.line().answerKey(), chosen.key()))
                && (!anyKept || only.contains(item.line().id())));
    }

    /** The chosen cluster, or {@code null} for all samples. */
    public ObjectProperty<VoteRow> clusterProperty() {
        return cluster;
    }

    public ObjectProperty<SampleItem> selectedProperty() {
        return selected;
    }

    public ObservableList<String> problemTags() {
        return problemTags;
    }

    /** The problem's note as edited; {@link #saveProblemNote} writes it. */
    public StringProperty problemNoteProperty() {
        return problemNote;
    }

    /** The problem's key and question. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** Gold answer, samples, margin and entropy on one line. */
    public ReadOnlyStringProperty summaryProperty() {
        return summaryLine.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** Called after this screen changes tags, so the problems table can show them. */
    public void onTagsChanged(Runnable action) {
        tagsChanged = action;
    }

    /** Selects this sample once the samples are there (opening a search hit). */
    public void reveal(long sampleId) {
        ProblemRow current = problem.get();
        if (current != null && loadedProblem == current.problemId() && select(sampleId)) {
            return;
        }
        pendingSample = sampleId;
    }

    public void tagProblem(String name) {
        changeProblemTag(name, true);
    }

    public void untagProblem(String name) {
        changeProblemTag(name, false);
    }

    public void saveProblemNote() {
        WorkspaceServices workspace = session.workspace();
        ProblemRow current = problem.get();
        String text = problemNote.get();
        if (workspace == null || current == null) {
            return;
        }
        tasks.submit(
                "Saving the note",
                context -> {
                    workspace.annotations().setProblemNote(current.problemId(), text);
                    return null;
                },
                done -> {},
                error -> notice.set(Notice.error("Cannot save the note", error)));
    }

    /** Re-reads the samples' tags, after the inspector tagged one. */
    public void refreshSampleTags() {
        WorkspaceServices workspace = session.workspace();
        RunSummary summary = run.get();
        ProblemRow current = problem.get();
        if (workspace == null || summary == null || current == null) {
            return;
        }
        tasks.submit(
                "Loading tags",
                context -> workspace
                        .annotations()
                        .sampleTagsOfProblem(summary.run().id(), current.problemId()),
                tags -> {
                    if (problem.get() != current) {
                        return;
                    }
                    SampleItem was = selected.get();
                    samples.setAll(samples.stream()
                            .map(item -> new SampleItem(
                                    item.line(), tags.getOrDefault(item.line().id(), List.of()), item.roundChange()))
                            .toList());
                    if (was != null) {
                        select(was.line().id());
                    }
                },
                error -> notice.set(Notice.error("Cannot load the tags", error)));
    }

    private void changeProblemTag(String name, boolean add) {
        WorkspaceServices workspace = session.workspace();
        ProblemRow current = problem.get();
        if (workspace == null || current == null || name == null || name.isBlank()) {
            return;
        }
        tasks.submit(
                add ? "Tagging the problem" : "Removing a tag",
                context -> workspace.annotations().tagProblem(current.problemId(), name, add),
                tags -> {
                    if (problem.get() == current) {
                        problemTags.setAll(tags);
                    }
                    tagsChanged.run();
                },
                error -> notice.set(Notice.error("Cannot change the problem's tags", error)));
    }

    private void load() {
        if (running != null) {
            running.cancel();
        }
        long load = ++loads;
        loadedProblem = -1;
        WorkspaceServices workspace = session.workspace();
        RunSummary summary = run.get();
        ProblemRow current = problem.get();
        cluster.set(null);
        selected.set(null);
        if (workspace == null || summary == null || current == null) {
            votes.clear();
            samples.clear();
            problemTags.clear();
            problemNote.set("");
            heading.set("");
            summaryLine.set("");
            return;
        }
        long runId = summary.run().id();
        long problemId = current.problemId();
        heading.set(current.key() + (current.question().isEmpty() ? "" : " — " + current.question()));
        running = tasks.submit(
                "Samples of " + current.key(),
                context -> {
                    return workspace.samples().ofProblem(runId, problemId);
                },
                loaded -> {
                    if (load != loads) {
                        return;
                    }
                    show(current, loaded);
                    loadedProblem = problemId;
                    if (pendingSample >= 0) {
                        select(pendingSample);
                        pendingSample = -1;
                    } else if (!shown.isEmpty()) {
                        selected.set(shown.get(0));
                    }
                },
                error -> {
                    if (load == loads) {
                        notice.set(Notice.error("Cannot load the samples of " + current.key(), error));
                    }
                });
    }

    private void show(ProblemRow current, SampleService.ProblemSamples loaded) {
        List<VoteRow> rows = new ArrayList<>();
        VoteDistribution distribution = loaded.votes();
        if (distribution != null) {
            distribution.clusters().forEach(cluster -> rows.add(VoteRow.of(cluster)));
            if (distribution.noAnswer() > 0) {
                rows.add(VoteRow.noAnswer(distribution.noAnswer(), distribution.samples()));
            }
        }
        votes.setAll(rows);
        java.util.Map<Long, String> changes = roundChanges(loaded.lines());
        samples.setAll(loaded.lines().stream()
                .map(line -> new SampleItem(
                        line,
                        loaded.sampleTags().getOrDefault(line.id(), List.of()),
                        changes.getOrDefault(line.id(), "")))
                .toList());
        applyFilter();
        problemTags.setAll(loaded.problemTags());
        problemNote.set(loaded.problemNote());
        summaryLine.set(String.format(
                java.util.Locale.ROOT,
                "Gold %s · %s · %s · margin %s · entropy %s bits",
                current.gold() == null ? "—" : current.gold(),
                Plural.of(loaded.lines().size(), "sample"),
                Plural.of(rows.size(), "answer"),
                distribution == null ? "—" : Figures.percent(distribution.margin()),
                distribution == null ? "—" : Figures.number(distribution.entropyBits(), 2)));
    }

    private boolean select(long sampleId) {
        for (SampleItem item : samples) {
            if (item.line().id() == sampleId) {
                if (!shown.contains(item)) {
                    cluster.set(null);
                }
                selected.set(item);
                return true;
            }
        }
        return false;
    }
}
