package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.judge.AnswerJudge;
import dev.ponder.core.judge.JudgeChatServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponder judge}: the cost said first and nothing asked; with --yes, asked once per pair and kept. */
class JudgeCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    @Test
    void saysWhatAskingTakesThenAsksWithYesAndTheJudgeJoinsTheAgreement() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String answer : new String[] {"\\\\sqrt{117}", "\\\\sqrt{117}", "12"}) {
            lines.append("{\"question\": \"What is the square root of 117?\", \"gold\": \"3\\\\sqrt{13}\", "
                    + "\"response\": \"so \\\\boxed{" + answer + "}\"}\n");
        }
        Path file = Files.writeString(dir.resolve("surds.jsonl"), lines.toString());
        String workspace = dir.resolve("w.ponder").toString();
        assertThat(cli.run(
                        "import",
                        file.toString(),
                        "-w",
                        workspace,
                        "--map",
                        "question=question",
                        "--map",
                        "gold=gold",
                        "--map",
                        "trace=response"))
                .as(cli.err())
                .isZero();
        try (JudgeChatServer server = new JudgeChatServer()) {
            cli.clearOut();
            assertThat(cli.run("judge", "1", "-w", workspace, "--server", server.url(), "--server-model", "jm"))
                    .as(cli.err())
                    .isZero();
            assertThat(cli.out())
                    .contains("2 distinct answer–gold pairs, 0 judged already by " + AnswerJudge.nameOf("jm"))
                    .contains("Asking the other 2 takes 2 requests: about ")
                    .contains("Run again with --yes to ask.");
            assertThat(server.requests()).isZero();

            cli.clearOut();
            assertThat(cli.run(
                            "judge",
                            "1",
                            "-w",
                            workspace,
                            "--server",
                            server.url(),
                            "--server-model",
                            "jm",
                            "--yes",
                            "--json"))
                    .as(cli.err())
                    .isZero();
            JsonNode asked = new ObjectMapper().readTree(cli.out()).path("asked");
            assertThat(asked.path("pairs").asInt()).isEqualTo(2);
            assertThat(asked.path("same").asInt()).isEqualTo(1);
            assertThat(asked.path("different").asInt()).isEqualTo(1);
            assertThat(server.requests()).isEqualTo(2);

            cli.clearOut();
            assertThat(cli.run(
                            "judge", "1", "-w", workspace, "--server", server.url(), "--server-model", "jm", "--yes"))
                    .isZero();
            assertThat(cli.out()).contains("Nothing to ask");
            assertThat(server.requests()).isEqualTo(2);
        }
        cli.clearOut();
        assertThat(cli.run("agreement", "1", "--json", "-w", workspace)).isZero();
        assertThat(new ObjectMapper().readTree(cli.out()).path("graders").toString())
                .contains(AnswerJudge.nameOf("jm"));
        assertThat(cli.run("judge", "1", "-w", workspace)).isEqualTo(2);
        assertThat(cli.err()).contains("Name the judge: --connection NAME, or --server URL with --server-model NAME.");
    }
}
