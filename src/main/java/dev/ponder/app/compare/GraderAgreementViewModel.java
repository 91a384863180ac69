package dev.ponder.app.compare;

import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.Plural;
import dev.ponder.core.analysis.GraderAgreement;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.model.Run;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Would the papers' graders say the same of a run, as {@code ponder agreement} prints it: every grader (and the file's
 * own labels) on the stored answers, how often each pair agrees, and the answer–gold pairs they part on. Regrading
 * with one of them is a click away.
 */
public final class GraderAgreementViewModel {
    private final TaskRunner tasks;
    private final WorkspaceSession session;
    private final Run run;
    private final BiConsumer<Run, Grading> regrader;
    private final ReadOnlyObjectWrapper<GraderAgreement> agreement = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();

    public GraderAgreementViewModel(
            TaskRunner tasks, WorkspaceSession session, Run run, BiConsumer<Run, Grading> regrader) {
        this.tasks = tasks;
        this.session = session;
        this.run = run;
        this.regrader = regrader;
        compute();
    }

    public String title() {
        return "Grader Agreement: " + run.name();
    }

    /** The figures once worked out, else {@code null}. */
    public ReadOnlyObjectProperty<GraderAgreement> agreementProperty() {
        return agreement.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    /** What the run is graded by now, and the gradings to choose from. */
    public String grader() {
        return run.grader() == null ? "no grader" : run.grader();
    }

    public List<Grading> gradings() {
        return Grading.offered();
    }

    /** Regrades the run with {@code grading}, as its context menu's Regrade With does. */
    public void regrade(Grading grading) {
        if (grading != null) {
            regrader.accept(run, grading);
        }
    }

    /** "✓", "✗" or "—" for a verdict. */
    public static String mark(Boolean verdict) {
        return verdict == null ? "—" : verdict ? "✓" : "✗";
    }

    /** A share as the table shows it. */
    public static String percent(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private void compute() {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null) {
            return;
        }
        summary.set("Grading every answer with every grader…");
        tasks.submit(
                "Grader agreement: " + run.name(),
                context -> workspace.analysis().graderAgreement(run.id(), context),
                result -> {
                    agreement.set(result);
                    summary.set(String.format(
                            Locale.ROOT,
                            "%s; %s. The run is graded by %s.",
                            Plural.of(result.samples(), "sample"),
                            result.disagreeing() == 0
                                    ? "the graders agree on every one"
                                    : "the graders disagree on " + Plural.of(result.disagreeing(), "sample"),
                            grader()));
                },
                error -> {
                    summary.set("");
                    notice.set(Notice.error("Cannot grade " + run.name() + " with every grader", error));
                });
    }
}
