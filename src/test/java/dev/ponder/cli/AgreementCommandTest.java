package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponder agreement}: every grader on the stored answers, and where they part. */
class AgreementCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    @Test
    void theStrictReferenceAndPondersMathPartOnASurdAndIdenticalDisagreementsAreOneRow() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            lines.append("{\"question\": \"What is the square root of 117?\", \"gold\": \"3\\\\sqrt{13}\", "
                    + "\"response\": \"so \\\\boxed{\\\\sqrt{117}}\"}\n");
        }
        lines.append("{\"question\": \"What is 2 + 2?\", \"gold\": \"4\", \"response\": \"\\\\boxed{4}\"}\n");
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
        cli.clearOut();

        assertThat(cli.run("agreement", "1", "--json", "-w", workspace))
                .as(cli.err())
                .isZero();
        JsonNode document = new ObjectMapper().readTree(cli.out());
        assertThat(document.get("samples").asInt()).isEqualTo(4);
        assertThat(document.get("disagreeing_samples").asInt()).isEqualTo(3);
        int math = indexOf(document.get("graders"), "ponder-math");
        int strict = indexOf(document.get("graders"), "hendrycks-math-strict");
        assertThat(document.get("agreement").get(math).get(strict).asDouble()).isEqualTo(0.25);
        assertThat(document.get("agreement").get(math).get(math).asDouble()).isEqualTo(1.0);
        assertThat(document.get("disagreements")).singleElement().satisfies(row -> {
            assertThat(row.get("answer").asText()).isEqualTo("\\sqrt{117}");
            assertThat(row.get("samples").asInt()).isEqualTo(3);
            assertThat(row.get("verdicts").get(math).asBoolean()).isTrue();
            assertThat(row.get("verdicts").get(strict).asBoolean()).isFalse();
        });

        cli.clearOut();
        assertThat(cli.run("agreement", "1", "-w", workspace)).isZero();
        assertThat(cli.out())
                .contains("4 samples, 3 on which some graders disagree")
                .contains("\\sqrt{117}");
    }

    private static int indexOf(JsonNode names, String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " is not among " + names);
    }
}
