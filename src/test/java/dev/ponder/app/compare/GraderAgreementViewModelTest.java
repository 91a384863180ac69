package dev.ponder.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.analysis.GraderAgreement;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.judge.AnswerJudge;
import dev.ponder.core.judge.JudgeChatServer;
import dev.ponder.core.model.Run;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.DirectTaskRunner;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Grader Agreement window shows what {@code ponder agreement} prints, and regrades with the grader chosen. */
class GraderAgreementViewModelTest {
    @TempDir
    Path dir;

    @Test
    void showsEveryGraderBesideTheFilesLabelsAndRegradesWithTheOneChosen() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace
                    .imports()
                    .importFile(
                            Path.of("sample-runs/tiny-arith-best-of-4.jsonl"), ImportOptions.DEFAULT, TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            Run run = workspace.runs().summaries().get(0).run();
            List<Grading> regraded = new ArrayList<>();
            GraderAgreementViewModel view = new GraderAgreementViewModel(
                    new DirectTaskRunner(), session, run, (which, grading) -> regraded.add(grading), List::of);

            GraderAgreement same = workspace.analysis().graderAgreement(run.id(), TaskContext.NONE);
            assertThat(view.agreementProperty().get()).isEqualTo(same);
            assertThat(same.graders()).startsWith(Graders.FILE_LABELS).contains("qwen-math", "hendrycks-math-strict");
            // the hand-written run's labels are right by every grader's reckoning
            assertThat(same.disagreeing()).isZero();
            assertThat(view.summaryProperty().get())
                    .isEqualTo("24 samples; the graders agree on every one. The run is graded by file labels.");
            assertThat(GraderAgreementViewModel.percent(same.agreement()[0][0])).isEqualTo("100.0%");

            Grading qwen = view.gradings().stream()
                    .filter(grading -> grading.label().equals("qwen-math"))
                    .findFirst()
                    .orElseThrow();
            view.regrade(qwen);
            assertThat(regraded).containsExactly(qwen);
        }
    }

    /** Choosing a saved server says what asking takes; asking puts the judge's verdicts beside the graders. */
    @Test
    void aSavedServerJudgesAfterSayingWhatItTakes() throws Exception {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir));
                JudgeChatServer server = new JudgeChatServer()) {
            workspace
                    .imports()
                    .importFile(
                            Path.of("sample-runs/tiny-arith-best-of-4.jsonl"), ImportOptions.DEFAULT, TaskContext.NONE);
            WorkspaceSession session = new WorkspaceSession();
            session.replace(workspace);
            Run run = workspace.runs().summaries().get(0).run();
            ModelConnection judge = ModelConnection.server("local judge", server.url(), "jm", null, null)
                    .withChat(true);
            GraderAgreementViewModel view = new GraderAgreementViewModel(
                    new DirectTaskRunner(),
                    session,
                    run,
                    (which, grading) -> {},
                    () -> List.of(ModelConnection.tinyReasoner(), judge));

            assertThat(view.judges()).containsExactly(judge);
            view.planJudge(judge);
            int pairs = view.judgePlanProperty().get().toAsk();
            assertThat(pairs).isPositive();
            assertThat(view.judgeStatusProperty().get()).contains("pairs to ask: about ", "prompt tokens");
            assertThat(server.requests()).isZero();

            view.askJudge(judge);
            assertThat(server.requests()).isEqualTo(pairs);
            assertThat(view.judgeStatusProperty().get()).startsWith("Asked about " + pairs + " pairs");
            assertThat(view.agreementProperty().get().graders()).contains(AnswerJudge.nameOf("jm"));
        }
    }
}
