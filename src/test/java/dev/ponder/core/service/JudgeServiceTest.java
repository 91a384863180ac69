package dev.ponder.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.analysis.GraderAgreement;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.judge.AnswerJudge;
import dev.ponder.core.judge.JudgeChatServer;
import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model judge against a server speaking OpenAI's streamed chat format: what asking would take is said first; each
 * distinct pair is asked once and kept; a pair the server refuses costs only itself and is asked on the next run;
 * the key goes in the request's header and nowhere else; the verdicts join the grader agreement.
 */
class JudgeServiceTest {
    private static final String KEY = "sk-judge-secret-0123456789";

    @TempDir
    Path dir;

    private JudgeChatServer server;

    @BeforeEach
    void start() throws IOException {
        server = new JudgeChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asksEachPairOnceKeepsTheVerdictsAndAFailedPairCostsOnlyItself() throws Exception {
        Path file = dir.resolve("surds.jsonl");
        StringBuilder lines = new StringBuilder();
        for (String answer : List.of("\\sqrt{117}", "\\sqrt{117}", "\\sqrt{117}", "12", "3\\sqrt{13}", "too long")) {
            lines.append("{\"question\": \"What is the square root of 117?\", \"gold\": \"3\\\\sqrt{13}\", "
                    + "\"response\": \"so \\\\boxed{" + answer.replace("\\", "\\\\") + "}\"}\n");
        }
        Files.writeString(file, lines.toString());
        ModelConnection judge = new ModelConnection(
                "my judge",
                ModelConnection.Kind.OPENAI_COMPATIBLE,
                null,
                server.url(),
                "judge-model",
                null,
                KEY,
                null,
                0,
                0,
                true,
                5);
        server.refuse("too long");
        Path workspaceFile = dir.resolve("w.ponder");
        try (WorkspaceServices workspace = WorkspaceServices.create(workspaceFile, new PonderHome(dir))) {
            workspace
                    .imports()
                    .importFile(
                            file,
                            ImportOptions.DEFAULT.withMapping(new FieldMapping(
                                    FieldMapping.Layout.SAMPLES,
                                    null,
                                    java.util.Map.of(
                                            FieldMapping.Field.QUESTION,
                                            JsonPath.parse("question"),
                                            FieldMapping.Field.GOLD,
                                            JsonPath.parse("gold"),
                                            FieldMapping.Field.TRACE,
                                            JsonPath.parse("response")))),
                            TaskContext.NONE);
            long run = workspace.runs().summaries().get(0).run().id();

            JudgeService.Plan plan = workspace.judges().plan(run, judge);
            assertThat(plan.pairs()).isEqualTo(4);
            assertThat(plan.judged()).isZero();
            assertThat(plan.promptTokens()).isPositive();
            assertThat(plan.outputTokens()).isEqualTo(4L * AnswerJudge.maxTokens());
            assertThat(server.requests()).isZero();

            JudgeService.Result first = workspace.judges().judge(run, judge, 2, TaskContext.NONE);
            assertThat(first.asked()).isEqualTo(4);
            assertThat(first.same()).isEqualTo(2);
            assertThat(first.different()).isEqualTo(1);
            assertThat(first.failed()).isEqualTo(1);
            assertThat(workspace.judges().plan(run, judge).toAsk()).isEqualTo(1);

            server.refuseNothing();
            JudgeService.Result second = workspace.judges().judge(run, judge, 2, TaskContext.NONE);
            assertThat(second.asked()).isEqualTo(1);
            assertThat(second.failed()).isZero();
            assertThat(workspace.judges().plan(run, judge).toAsk()).isZero();

            GraderAgreement agreement = workspace.analysis().graderAgreement(run, TaskContext.NONE);
            String name = AnswerJudge.nameOf("judge-model");
            int judgeAt = agreement.graders().indexOf(name);
            int strict = agreement.graders().indexOf("hendrycks-math-strict");
            assertThat(judgeAt).isPositive();
            assertThat(agreement.disagreements())
                    .filteredOn(d -> d.answer().equals("\\sqrt{117}"))
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.samples()).isEqualTo(3);
                        assertThat(d.verdicts().get(judgeAt)).isTrue();
                        assertThat(d.verdicts().get(strict)).isFalse();
                    });
        }
        assertThat(server.authorizations()).containsExactly("Bearer " + KEY);
        assertThat(new String(Files.readAllBytes(workspaceFile), StandardCharsets.ISO_8859_1))
                .doesNotContain(KEY);
    }
}
