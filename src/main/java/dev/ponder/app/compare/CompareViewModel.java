package dev.ponder.app.compare;

import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.model.SampleRef;
import dev.ponder.core.service.SampleService.AlignedRow;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskRunner;
import dev.ponder.core.trace.ReflectionMarkers;
import dev.ponder.core.trace.ThoughtAlignment;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Two samples of one problem side by side (from the same run or from different runs or strategies): their
 * thoughts aligned, each row saying whether the two sides say the same, say it differently, or one side has a
 * thought the other lacks; in a changed row, the words only one side uses are marked.
 */
public final class CompareViewModel {
    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final Supplier<ReflectionMarkers> markers;
    private final ObservableList<SampleRef> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<SampleRef> left = new SimpleObjectProperty<>();
    private final ObjectProperty<SampleRef> right = new SimpleObjectProperty<>();
    private final ObservableList<AlignedRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private TaskHandle running;

    public CompareViewModel(TaskRunner tasks, WorkspaceSession session, Supplier<ReflectionMarkers> markers) {
        this.tasks = tasks;
        this.session = session;
        this.markers = markers;
        left.addListener((observable, before, after) -> align());
        right.addListener((observable, before, after) -> align());
    }

    /** Every sample of the problem in every run, to choose either side from. */
    public ObservableList<SampleRef> candidates() {
        return candidates;
    }

    public ObjectProperty<SampleRef> leftProperty() {
        return left;
    }

    public ObjectProperty<SampleRef> rightProperty() {
        return right;
    }

    public ObservableList<AlignedRow> rows() {
        return rows;
    }

    /** How many thoughts are the same, changed, or on one side only. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /**
     * Starts a comparison of {@code leftId} with {@code rightId}; with no right sample, with the first sample of
     * another run of the same problem, else the next sample of the same run.
     */
    public void open(long leftId, Long rightId) {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null) {
            return;
        }
        tasks.submit(
                "Finding samples to compare",
                context -> workspace.samples().comparable(leftId),
                refs -> {
                    candidates.setAll(refs);
                    SampleRef first = refs.stream()
                            .filter(ref -> ref.id() == leftId)
                            .findFirst()
                            .orElse(null);
                    SampleRef second = rightId == null
                            ? partner(refs, first)
                            : refs.stream()
                                    .filter(ref -> ref.id() == rightId)
                                    .findFirst()
                                    .orElse(null);
                    left.set(first);
                    right.set(second);
                },
                error -> notice.set(Notice.error("Cannot compare these samples", error)));
    }

    private static SampleRef partner(List<SampleRef> refs, SampleRef first) {
        if (first == null) {
            return null;
        }
        return refs.stream()
                .filter(ref -> ref.runId() != first.runId())
                .findFirst()
                .orElse(refs.stream()
                        .filter(ref -> ref.id() != first.id())
                        .findFirst()
                        .orElse(null));
    }

    private void align() {
        WorkspaceServices workspace = session.workspace();
        SampleRef a = left.get();
        SampleRef b = right.get();
        if (running != null) {
            running.cancel();
        }
        if (workspace == null || a == null || b == null) {
            rows.clear();
            summary.set("");
            return;
        }
        ReflectionMarkers chosen = markers.get();
        summary.set("Aligning…");
        running = tasks.submit(
                "Aligning two traces",
                context -> {
                    return workspace.samples().compare(a.id(), b.id(), chosen, context);
                },
                aligned -> {
                    if (left.get() != a || right.get() != b) {
                        return;
                    }
                    rows.setAll(aligned);
                    long same = aligned.stream()
                            .filter(row -> row.kind() == ThoughtAlignment.Kind.SAME)
                            .count();
                    long changed = aligned.stream()
                            .filter(row -> row.kind() == ThoughtAlignment.Kind.CHANGED)
                            .count();
                    long leftOnly = aligned.stream()
                            .filter(row -> row.kind() == ThoughtAlignment.Kind.LEFT_ONLY)
                            .count();
                    long rightOnly = aligned.size() - same - changed - leftOnly;
                    summary.set(String.format(
                            "%d thoughts aligned: %d the same, %d changed, %d only on the left, %d only on "
                                    + "the right",
                            aligned.size(), same, changed, leftOnly, rightOnly));
                },
                error -> {
                    summary.set("");
                    notice.set(Notice.error("Cannot align the two traces", error));
                });
    }
}
