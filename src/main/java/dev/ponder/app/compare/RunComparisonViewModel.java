package dev.ponder.app.compare;

import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.Bootstrap;
import dev.ponder.core.analysis.RunComparison;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.chart.Selection;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskRunner;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Run B against run A in the window, as {@code ponder compare} prints it: the flips, McNemar's test, the paired
 * difference with its errors, and each shared problem's pass rates and majorities. Recomputed when what "solved"
 * means changes.
 */
public final class RunComparisonViewModel {
    /** One shared problem, as the table shows it. */
    public record Row(
            long problemId,
            long sampleA,
            long sampleB,
            String problem,
            double rateA,
            double rateB,
            String majorityA,
            String majorityB,
            String solved) {}

    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final RunSummary a;
    private final RunSummary b;
    private final ObjectProperty<RunComparison.Solved> by = new SimpleObjectProperty<>(RunComparison.Solved.MAJORITY);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final javafx.collections.transformation.FilteredList<Row> shown =
            new javafx.collections.transformation.FilteredList<>(rows);
    /** The flip class to list ("A only": A right, B wrong), or {@code null} for every shared problem. */
    private final ObjectProperty<String> only = new SimpleObjectProperty<>();

    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final Consumer<Selection> opener;
    private final java.util.function.Supplier<dev.ponder.core.trace.ReflectionMarkers> markers;
    private final PairedChartModel chart;

    public RunComparisonViewModel(
            TaskRunner tasks,
            WorkspaceSession session,
            RunSummary a,
            RunSummary b,
            Consumer<Selection> opener,
            java.util.function.Supplier<dev.ponder.core.trace.ReflectionMarkers> markers) {
        this.markers = markers;
        this.tasks = tasks;
        this.session = session;
        this.a = a;
        this.b = b;
        this.opener = opener;
        this.chart = new PairedChartModel(tasks, session, a.run().id(), b.run().id(), opener, notice);
        by.addListener((observable, before, after) -> compute());
        only.addListener((observable, before, after) -> shown.setPredicate(
                after == null ? row -> true : row -> row.solved().equals(after)));
        compute();
    }

    public String title() {
        return "Compare Runs: " + a.run().name() + " → " + b.run().name();
    }

    public ObjectProperty<RunComparison.Solved> byProperty() {
        return by;
    }

    /** The figures, in the CLI's words. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Every shared problem. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** The problems listed: all, or those of one flip class. */
    public ObservableList<Row> shown() {
        return shown;
    }

    /** Lists only the problems of one flip class: "A only" (A right, B wrong), "B only", "both", "neither". */
    public ObjectProperty<String> onlyProperty() {
        return only;
    }

    /** The flips by difficulty, or pass rate B against A. */
    public PairedChartModel chart() {
        return chart;
    }

    /** Opens a shared problem in the workbench, in run A. */
    public void open(Row row) {
        if (row != null) {
            long[] problem = {row.problemId()};
            opener.accept(new Selection(
                    a.run().id(),
                    row.problem() + " (compared with " + b.run().name() + ")",
                    () -> problem,
                    () -> new long[0]));
        }
    }

    /** The problem's first sample in A beside its first in B, in the side-by-side sample compare (either side can change). */
    public CompareViewModel samples(Row row) {
        CompareViewModel compare = new CompareViewModel(tasks, session, markers);
        compare.noticeProperty().addListener((observable, before, after) -> notice.set(after));
        compare.open(row.sampleA(), row.sampleB());
        return compare;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    private void compute() {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null) {
            return;
        }
        RunComparison.Solved solved = by.get();
        summary.set("Comparing…");
        tasks.submit(
                "Comparing " + a.run().name() + " and " + b.run().name(),
                context -> {
                    RunComparison comparison = workspace
                            .analysis()
                            .compare(
                                    a.run().id(),
                                    b.run().id(),
                                    solved,
                                    Bootstrap.DEFAULT_RESAMPLES,
                                    StatsOptions.DEFAULT.seed());
                    Map<Long, String> keys = new HashMap<>();
                    workspace.runs().problems(a.run().id()).forEach(problem -> keys.put(problem.id(), problem.key()));
                    return new Computed(comparison, keys);
                },
                computed -> {
                    if (solved != by.get()) {
                        return;
                    }
                    summary.set(describe(computed.comparison));
                    rows.setAll(rows(computed));
                },
                error -> notice.set(Notice.error("Cannot compare the runs", error)));
    }

    private record Computed(RunComparison comparison, Map<Long, String> keys) {}

    private String describe(RunComparison c) {
        if (c.shared() == 0) {
            return String.format(
                    Locale.ROOT,
                    "A: %s · B: %s%nThe runs share no graded problem (%,d only in A, %,d only in B), so there is nothing"
                            + " to pair: compare runs of the same problems.",
                    a.run().name(),
                    b.run().name(),
                    c.onlyA(),
                    c.onlyB());
        }
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "A: %s · B: %s%n%,d shared problems (%,d only in A, %,d only in B)%n"
                        + "Solved: both %,d · A only %,d · B only %,d · neither %,d (by %s)%n"
                        + "McNemar exact p = %.4g (two-sided binomial over %,d discordant problems)",
                a.run().name(),
                b.run().name(),
                c.shared(),
                c.onlyA(),
                c.onlyB(),
                c.both(),
                c.aOnly(),
                c.bOnly(),
                c.neither(),
                c.by().name().toLowerCase(Locale.ROOT),
                c.exactP(),
                c.aOnly() + c.bOnly()));
        text.append(String.format(
                Locale.ROOT,
                "%nPass rate B − A: %s, SE %s, 95%% bootstrap [%s, %s]",
                figure("%+.4f", c.difference()),
                figure("%.4f", c.standardError()),
                figure("%+.4f", c.interval().low()),
                figure("%+.4f", c.interval().high())));
        if (!Double.isNaN(c.clusteredError())) {
            text.append(
                    String.format(Locale.ROOT, ", clustered SE %.4f over %d subjects", c.clusteredError(), c.groups()));
        }
        return text.toString();
    }

    private static String figure(String format, double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, format, value);
    }

    private static List<Row> rows(Computed computed) {
        return computed.comparison.problems().stream()
                .map(p -> new Row(
                        p.problemId(),
                        p.firstSampleA(),
                        p.firstSampleB(),
                        computed.keys.getOrDefault(p.problemId(), String.valueOf(p.problemId())),
                        p.rateA(),
                        p.rateB(),
                        majority(p.majorityA(), p.majorityARight()),
                        majority(p.majorityB(), p.majorityBRight()),
                        switch (p.flip()) {
                            case BOTH -> "both";
                            case A_ONLY -> "A only";
                            case B_ONLY -> "B only";
                            case NEITHER -> "neither";
                        }))
                .toList();
    }

    private static String majority(String answer, Boolean right) {
        return (answer == null ? "—" : answer) + (right == null ? "" : right ? " ✓" : " ✗");
    }
}
