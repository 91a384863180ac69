package dev.ponder.app.compare;

import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.Plural;
import dev.ponder.core.analysis.GraderAgreement;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.model.Run;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.service.JudgeService;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.task.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
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
    private final Supplier<List<ModelConnection>> connections;
    private final ReadOnlyObjectWrapper<JudgeService.Plan> judgePlan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper judgeStatus = new ReadOnlyStringWrapper("");
    private static final int JUDGE_CONCURRENCY = 4;

    public GraderAgreementViewModel(
            TaskRunner tasks,
            WorkspaceSession session,
            Run run,
            BiConsumer<Run, Grading> regrader,
            Supplier<List<ModelConnection>> connections) {
        this.tasks = tasks;
        this.session = session;
        this.run = run;
        this.regrader = regrader;
        this.connections = connections;
        compute();
    }

    /** The saved connections that can judge: models behind a server. */
    public List<ModelConnection> judges() {
        return connections.get().stream()
                .filter(connection -> connection.kind() == ModelConnection.Kind.OPENAI_COMPATIBLE)
                .toList();
    }

    /** What asking the judge would take, said before anything is asked; {@code null} until worked out. */
    public ReadOnlyObjectProperty<JudgeService.Plan> judgePlanProperty() {
        return judgePlan.getReadOnlyProperty();
    }

    /** The judge's state in words: what asking takes, how far asking is, what it found. */
    public ReadOnlyStringProperty judgeStatusProperty() {
        return judgeStatus.getReadOnlyProperty();
    }

    /** Works out what asking {@code judge} about the run's answers would take. */
    public void planJudge(ModelConnection judge) {
        WorkspaceServices workspace = session.workspace();
        judgePlan.set(null);
        if (workspace == null || judge == null) {
            judgeStatus.set("");
            return;
        }
        judgeStatus.set("Counting the answer pairs…");
        tasks.submit(
                "Judge plan: " + judge.name(),
                context -> workspace.judges().plan(run.id(), judge),
                plan -> {
                    judgePlan.set(plan);
                    judgeStatus.set(
                            plan.toAsk() == 0
                                    ? String.format(
                                            Locale.ROOT,
                                            "%s has answered about all %s.",
                                            judge.model(),
                                            Plural.of(plan.pairs(), "answer pair"))
                                    : String.format(
                                            Locale.ROOT,
                                            "%s to ask: %s.",
                                            Plural.of(plan.toAsk(), "pair"),
                                            plan.cost()));
                },
                error -> {
                    judgeStatus.set("");
                    notice.set(Notice.error("Cannot plan the judge", error));
                });
    }

    /** Asks the judge about the pairs it has not answered, then shows the agreement with its verdicts. */
    public void askJudge(ModelConnection judge) {
        WorkspaceServices workspace = session.workspace();
        if (workspace == null || judge == null) {
            return;
        }
        judgeStatus.set("Asking " + judge.model() + "…");
        tasks.submit(
                "Judge: asking " + judge.model(),
                context -> workspace.judges().judge(run.id(), judge, JUDGE_CONCURRENCY, context),
                result -> {
                    judgeStatus.set("Asked " + result.summary() + ".");
                    judgePlan.set(null);
                    compute();
                },
                error -> {
                    judgeStatus.set("");
                    notice.set(Notice.error("Cannot ask the judge", error));
                });
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
