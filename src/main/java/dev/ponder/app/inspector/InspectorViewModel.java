package dev.ponder.app.inspector;

import dev.ponder.app.common.Figures;
import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.model.Sample;
import dev.ponder.core.service.SampleService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskRunner;
import dev.ponder.core.trace.ReflectionMarkers;
import dev.ponder.core.trace.TextFind;
import dev.ponder.core.trace.TraceHighlights;
import dev.ponder.core.trace.TraceReading;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One sample's trace as the inspector shows it: read and highlighted in the background (thinking and answer,
 * markers, intermediate answers by verdict, first correct answer and the tokens after it, inserted text, find
 * matches), with find next/previous, the sample's tags and note, and where to scroll.
 */
public final class InspectorViewModel {
    /** A trace ready to show: the sample, its reading and its highlight runs. */
    public record Shown(
            Sample sample,
            String problemKey,
            TraceReading reading,
            List<TraceHighlights.Run> highlights,
            long requestedAt) {}

    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final Supplier<ReflectionMarkers> markers;
    private final ObjectProperty<Long> sampleId = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper stale =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final StringProperty findText = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper();
    private final IntegerProperty currentMatch = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<ReflectionMarkers.Hit> reveal = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private List<ReflectionMarkers.Hit> matches = List.of();
    private TaskHandle loading;
    private TaskHandle highlighting;
    private String pendingPhrase;
    private long pendingPhraseSample = -1;
    private long selectionMovedAt;
    private long loads;
    private Runnable tagsChanged = () -> {};

    public InspectorViewModel(TaskRunner tasks, WorkspaceSession session, Supplier<ReflectionMarkers> markers) {
        this.tasks = tasks;
        this.session = session;
        this.markers = markers;
        sampleId.addListener((observable, before, after) -> {
            long since = selectionMovedAt > 0 ? selectionMovedAt : System.nanoTime();
            if (after != null) {
                selectionMovedAt = 0;
            }
            load(after == null ? -1 : after, since);
        });
        findText.addListener((observable, before, after) -> find(after));
    }

    /** The id of the sample to show, {@code null} for none. */
    public ObjectProperty<Long> sampleIdProperty() {
        return sampleId;
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whether the trace shown is the one before, while the one asked for is read: the view dims it. */
    public javafx.beans.property.ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Sample number, round, tokens, finish, answer and verdict, score. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public StringProperty findTextProperty() {
        return findText;
    }

    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** The find match last moved to, -1 for none. */
    public IntegerProperty currentMatchProperty() {
        return currentMatch;
    }

    /** Where the view should scroll to and select next; a new value each time. */
    public ReadOnlyObjectProperty<ReflectionMarkers.Hit> revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public void onTagsChanged(Runnable action) {
        tagsChanged = action;
    }

    /** Says the user moved a selection that will lead here (a problem), so latency counts from then. */
    public void selectionMoved() {
        selectionMovedAt = System.nanoTime();
    }

    /** Scrolls to a phrase once this sample, which holds it, is shown (opening a search hit). */
    public void revealPhrase(long sample, String phrase) {
        pendingPhrase = phrase;
        pendingPhraseSample = sample;
        applyPendingPhrase();
    }

    /** Scrolls to a character offset (a timeline entry, a step). */
    public void jumpTo(int start, int end) {
        reveal.set(new ReflectionMarkers.Hit(start, end));
    }

    public void nextMatch() {
        step(1);
    }

    public void previousMatch() {
        step(-1);
    }

    public void tag(String name) {
        changeTag(name, true);
    }

    public void untag(String name) {
        changeTag(name, false);
    }

    public void saveNote() {
        WorkspaceServices workspace = session.workspace();
        Shown current = shown.get();
        String text = note.get();
        if (workspace == null || current == null) {
            return;
        }
        tasks.submit(
                "Saving the note",
                context -> {
                    workspace.annotations().setSampleNote(current.sample().id(), text);
                    return null;
                },
                done -> {},
                error -> notice.set(Notice.error("Cannot save the note", error)));
    }

    private void step(int direction) {
        if (matches.isEmpty()) {
            return;
        }
        int next = Math.floorMod(currentMatch.get() + direction, matches.size());
        if (currentMatch.get() < 0 && direction < 0) {
            next = matches.size() - 1;
        }
        currentMatch.set(next);
        reveal.set(matches.get(next));
    }

    private void changeTag(String name, boolean add) {
        WorkspaceServices workspace = session.workspace();
        Shown current = shown.get();
        if (workspace == null || current == null || name == null || name.isBlank()) {
            return;
        }
        long id = current.sample().id();
        tasks.submit(
                add ? "Tagging the sample" : "Removing a tag",
                context -> workspace.annotations().tagSample(id, name, add),
                names -> {
                    if (shown.get() != null && shown.get().sample().id() == id) {
                        tags.setAll(names);
                    }
                    tagsChanged.run();
                },
                error -> notice.set(Notice.error("Cannot change the sample's tags", error)));
    }

    private record Loaded(SampleService.Reading read, Found found) {}

    private void load(long id, long requestedAt) {
        if (loading != null) {
            loading.cancel();
        }
        long load = ++loads;
        WorkspaceServices workspace = session.workspace();
        if (workspace == null || id < 0) {
            shown.set(null);
            heading.set("");
            tags.clear();
            note.set("");
            return;
        }
        ReflectionMarkers chosen = markers.get();
        String query = findText.get();
        stale.set(shown.get() != null && shown.get().sample().id() != id);
        loading = tasks.submit(
                "Reading sample " + id,
                context -> {
                    SampleService.Reading read = workspace.samples().read(id, chosen);
                    return new Loaded(
                            read, Found.in(read.reading(), read.sample().text(), query));
                },
                loaded -> {
                    if (load != loads) {
                        return;
                    }
                    SampleService.Reading read = loaded.read();
                    stale.set(false);
                    useMatches(loaded.found.matches);
                    tags.setAll(read.tags());
                    note.set(read.note());
                    heading.set(heading(read.sample(), read.reading()));
                    shown.set(new Shown(
                            read.sample(), read.problem().key(), read.reading(), loaded.found.highlights, requestedAt));
                    applyPendingPhrase();
                },
                error -> {
                    if (load == loads) {
                        stale.set(false);
                        notice.set(Notice.error("Cannot read sample " + id, error));
                    }
                });
    }

    private void applyPendingPhrase() {
        if (pendingPhrase == null || shown.get() == null || shown.get().sample().id() != pendingPhraseSample) {
            return;
        }
        ReflectionMarkers.Hit at = TextFind.phrase(shown.get().sample().text(), pendingPhrase);
        pendingPhrase = null;
        if (at != null) {
            reveal.set(at);
        }
    }

    /** Re-highlights the shown trace with the matches of the new find text, in the background. */
    private void find(String query) {
        Shown current = shown.get();
        if (current == null) {
            return;
        }
        if (highlighting != null) {
            highlighting.cancel();
        }
        highlighting = tasks.submit(
                "Finding in the trace",
                context -> Found.in(current.reading(), current.sample().text(), query),
                found -> {
                    if (shown.get() != current) {
                        return;
                    }
                    useMatches(found.matches);
                    shown.set(new Shown(
                            current.sample(),
                            current.problemKey(),
                            current.reading(),
                            found.highlights,
                            System.nanoTime()));
                    if (!matches.isEmpty()) {
                        step(1);
                    }
                },
                error -> notice.set(Notice.error("Cannot search the trace", error)));
    }

    /** The find text's matches in a trace, and the trace's highlighting with them marked. */
    private record Found(List<ReflectionMarkers.Hit> matches, List<TraceHighlights.Run> highlights) {
        static Found in(TraceReading reading, String text, String query) {
            List<ReflectionMarkers.Hit> matches = TextFind.all(text, query);
            return new Found(matches, TraceHighlights.of(reading, matches));
        }
    }

    private void useMatches(List<ReflectionMarkers.Hit> found) {
        matches = found;
        matchCount.set(found.size());
        currentMatch.set(-1);
    }

    private static String heading(Sample sample, TraceReading reading) {
        List<String> parts = new ArrayList<>();
        parts.add("Sample #" + sample.index() + (sample.round() > 0 ? " · round " + sample.round() : ""));
        Integer tokens = sample.tokens().total();
        if (tokens != null) {
            parts.add(Figures.count(tokens) + (sample.tokens().estimated() ? " tokens (estimated)" : " tokens"));
        }
        if (sample.tokens().thinking() != null) {
            parts.add(Figures.count(sample.tokens().thinking()) + " thinking");
        }
        if (sample.finishReason() != null) {
            parts.add("finish: " + sample.finishReason());
        }
        if (sample.truncated()) {
            parts.add("cut off");
        }
        String answer = sample.answer().extracted();
        parts.add("answer " + (answer == null ? "—" : answer)
                + (sample.correct() == null ? "" : sample.correct() ? " ✓" : " ✗"));
        if (sample.score() != null) {
            parts.add(String.format(Locale.ROOT, "score %.3f", sample.score()));
        }
        int first = reading.firstCorrect();
        if (first >= 0) {
            int after = reading.timeline().tokensAfterFirstCorrect();
            parts.add("first correct at "
                    + Figures.count(reading.timeline().entries().get(first).tokenEnd()) + ", then "
                    + Figures.count(after) + " more");
        }
        parts.add(reading.markers().size() + " markers");
        return String.join(" · ", parts);
    }
}
