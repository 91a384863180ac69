package dev.ponder.app.overview;

import dev.ponder.app.common.Figures;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.AnalysisService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskRunner;
import dev.ponder.core.trace.ReflectionMarkers;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected run's provenance, counts and headline figures, as text ready to show. The figures are computed
 * in the background from the run's cached columns; the overthinking figure follows in a second task, as its
 * first computation reads every trace.
 */
public final class RunOverviewViewModel {
    private static final DateTimeFormatter IMPORTED = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.getDefault())
            .withZone(ZoneId.systemDefault());

    /** One line of the provenance table. */
    public record Fact(String label, String value) {}

    private final ObjectProperty<RunSummary> run = new SimpleObjectProperty<>();
    private final ObservableList<Fact> provenance = FXCollections.observableArrayList();
    private final ObservableList<Fact> counts = FXCollections.observableArrayList();
    private final ObservableList<Fact> figures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper figuresNote = new ReadOnlyStringWrapper("");
    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final Supplier<ReflectionMarkers> markers;
    private final List<TaskHandle> running = new ArrayList<>();

    public RunOverviewViewModel(TaskRunner tasks, WorkspaceSession session, Supplier<ReflectionMarkers> markers) {
        this.tasks = tasks;
        this.session = session;
        this.markers = markers;
        run.addListener((observable, before, after) -> {
            update(after);
            computeFigures(after);
        });
    }

    /** The run to show; bind it to the run browser's selection. */
    public ObjectProperty<RunSummary> runProperty() {
        return run;
    }

    public BooleanBinding emptyProperty() {
        return run.isNull();
    }

    public StringBinding titleProperty() {
        return text(summary -> summary.run().name());
    }

    public ObservableList<Fact> provenance() {
        return provenance;
    }

    public ObservableList<Fact> counts() {
        return counts;
    }

    /** pass@1, pass@N, maj@N, weighted best-of-N, thinking tokens, ξ_O: empty until computed. */
    public ObservableList<Fact> figures() {
        return figures;
    }

    /** What the figures rest on, or why there are none yet. */
    public ReadOnlyStringProperty figuresNoteProperty() {
        return figuresNote.getReadOnlyProperty();
    }

    /**
     * Why pass@1 can differ from the accuracy beside it: in a multi-round run the accuracy counts every round's
     * samples, the figures the last round's, as multi-round results are reported.
     */
    private static String lastRoundOnly(RunSummary summary, AnalysisService.Headline computed) {
        int analysed = computed.figures().samples();
        if (analysed >= summary.samples()) {
            return "";
        }
        return String.format(
                java.util.Locale.ROOT,
                " Accuracy counts all %,d samples, every round; these figures the %,d of the last round.",
                summary.samples(),
                analysed);
    }

    private void computeFigures(RunSummary summary) {
        running.forEach(TaskHandle::cancel);
        running.clear();
        figures.clear();
        WorkspaceServices workspace = session.workspace();
        if (summary == null || workspace == null) {
            figuresNote.set("");
            return;
        }
        if (summary.samples() == 0) {
            figuresNote.set("No samples to compute figures from.");
            return;
        }
        long runId = summary.run().id();
        StatsOptions options = StatsOptions.DEFAULT.withoutIntervals().withMarkers(markers.get());
        figuresNote.set("Computing figures…");
        running.add(tasks.submit(
                "Figures of " + summary.run().name(),
                context -> {
                    return workspace.analysis().headline(runId, options);
                },
                computed -> {
                    if (run.get() != summary) {
                        return;
                    }
                    figures.setAll(HeadlineFigures.of(computed, null));
                    figuresNote.set("Graded by " + Figures.orDash(summary.run().grader())
                            + "; maj@N over each problem's first N samples." + lastRoundOnly(summary, computed));
                    running.add(tasks.submit(
                            "Overthinking of " + summary.run().name(),
                            context -> workspace.analysis().overthinking(runId, options.markers(), context),
                            overthinking -> {
                                if (run.get() == summary) {
                                    figures.setAll(HeadlineFigures.of(computed, overthinking));
                                }
                            },
                            error ->
                                    figuresNote.set("Cannot compute the overthinking figures: " + error.getMessage())));
                },
                error -> {
                    if (run.get() == summary) {
                        figuresNote.set("Cannot compute the figures: " + error.getMessage());
                    }
                }));
    }

    private StringBinding text(Function<RunSummary, String> value) {
        return Bindings.createStringBinding(() -> run.get() == null ? "" : value.apply(run.get()), run);
    }

    private void update(RunSummary summary) {
        if (summary == null) {
            provenance.clear();
            counts.clear();
            return;
        }
        Run r = summary.run();
        List<Fact> facts = new java.util.ArrayList<>(List.of(
                new Fact("File", Figures.orDash(r.source().path())),
                new Fact("Format", r.source().format()),
                new Fact("SHA-256", Figures.orDash(r.source().sha256())),
                new Fact("Imported", IMPORTED.format(r.importedAt())),
                new Fact("Model", Figures.orDash(r.model())),
                new Fact("Strategy", Figures.orDash(r.strategy())),
                new Fact("Grader", Figures.orDash(r.grader()))));
        for (Map.Entry<String, String> parameter : r.params().entrySet()) {
            facts.add(new Fact(parameter.getKey(), parameter.getValue()));
        }
        if (r.notes() != null && !r.notes().isBlank()) {
            facts.add(new Fact("Notes", r.notes()));
        }
        provenance.setAll(facts);
        List<Fact> shown = new ArrayList<>(List.of(
                new Fact("Problems", String.format(Locale.ROOT, "%,d", summary.problems())),
                new Fact("Samples", String.format(Locale.ROOT, "%,d", summary.samples()))));
        if (summary.treeNodes() > 0) {
            shown.add(new Fact("Tree nodes", String.format(Locale.ROOT, "%,d", summary.treeNodes())));
        }
        shown.add(new Fact("Graded samples", String.format(Locale.ROOT, "%,d", summary.gradedSamples())));
        shown.add(new Fact(
                "Accuracy",
                summary.accuracy() == null ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * summary.accuracy())));
        counts.setAll(shown);
    }
}
