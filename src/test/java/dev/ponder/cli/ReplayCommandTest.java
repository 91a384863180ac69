package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponder replay} on the built-in tiny reasoner: a budget sweep from a problems file, then a rerun resumes. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    @Test
    void aBudgetSweepFromAProblemsFileMakesOneRunPerBudgetAndARerunGeneratesNothing() throws Exception {
        Path problems = dir.resolve("problems.jsonl");
        Files.writeString(problems, """
                {"key": "p1", "question": "What is 58 + 67?", "gold": "125", "level": 1}
                {"key": "p2", "question": "What is 346 * 7?", "gold": "2422", "level": 3}
                """);
        String workspace = dir.resolve("w.ponder").toString();
        String[] args = {
            "replay",
            "-w",
            workspace,
            "--problems-file",
            problems.toString(),
            "--budgets",
            "8,64",
            "--temperature",
            "0",
            "--threads",
            "2",
            "--concurrency",
            "2",
            "--json"
        };
        assertThat(cli.run(args)).as(cli.err()).isZero();
        JsonNode first = new ObjectMapper().readTree(cli.out());
        assertThat(first.get("samples_generated").asInt()).isEqualTo(4);
        assertThat(first.get("runs")).hasSize(2);
        assertThat(first.get("runs").get(0).get("name").asText()).isEqualTo("Budget sweep (tiny-reasoner) · budget 8");
        assertThat(Path.of(first.get("runs").get(1).get("journal").asText())).startsWith(dir.resolve("home/replays"));

        cli.clearOut();
        assertThat(cli.run(args)).as(cli.err()).isZero();
        JsonNode again = new ObjectMapper().readTree(cli.out());
        assertThat(again.get("samples_generated").asInt()).isZero();
        assertThat(again.get("runs")).isEqualTo(first.get("runs"));

        cli.clearOut();
        assertThat(cli.run(
                        "stats",
                        "-w",
                        workspace,
                        first.get("runs").get(1).get("id").asText(),
                        "--json"))
                .isZero();
        assertThat(cli.out()).contains("budget 64").contains("\"samples\" : 2");
    }

    @Test
    void aBadProblemsFileNamesItsLine() throws Exception {
        Path problems = dir.resolve("problems.jsonl");
        Files.writeString(
                problems, "{\"key\": \"p1\", \"question\": \"What is 1 + 1?\", \"gold\": \"2\"}\n{\"key\": \"p2\"}\n");
        int status = cli.run(
                "replay",
                "-w",
                dir.resolve("w.ponder").toString(),
                "--problems-file",
                problems.toString(),
                "--budgets",
                "8");
        assertThat(status).isNotZero();
        assertThat(cli.err()).contains("problems.jsonl, line 2").contains("\"question\"");
    }

    @Test
    void aSweepIsOnlyForBudgetForcing() {
        int status = cli.run(
                "replay",
                "-w",
                dir.resolve("w.ponder").toString(),
                "--problems-file",
                "x.jsonl",
                "--strategy",
                "multi-round",
                "--budgets",
                "8,16");
        assertThat(status).isNotZero();
    }

    @Test
    void aCustomTemplateIsUsedAndRecordedInTheRunsProvenance() throws Exception {
        Path problems = dir.resolve("problems.jsonl");
        Files.writeString(problems, "{\"key\": \"p1\", \"question\": \"What is 58 + 67?\", \"gold\": \"125\"}\n");
        String workspace = dir.resolve("w.ponder").toString();
        String[] common = {
            "replay",
            "-w",
            workspace,
            "--problems-file",
            problems.toString(),
            "--budgets",
            "32",
            "--temperature",
            "0",
            "--threads",
            "2",
            "--json"
        };
        assertThat(cli.run(concat(common, "--name", "chatml"))).as(cli.err()).isZero();
        assertThat(cli.run(concat(
                        common,
                        "--name",
                        "custom",
                        "--template-turn",
                        "<|im_start|>user\\n{question}<|im_end|>\\n<|im_start|>assistant\\n",
                        "--end-of-turn",
                        "<|im_end|>,<|endoftext|>")))
                .as(cli.err())
                .isZero();
        cli.clearOut();
        assertThat(cli.run("info", "-w", workspace, "--json")).isZero();
        JsonNode runs = new ObjectMapper().readTree(cli.out()).get("runs");
        JsonNode custom = runs.get(1).get("params");
        assertThat(custom.get("template").asText()).isEqualTo("custom");
        assertThat(custom.get("template_turn").asText())
                .isEqualTo("<|im_start|>user\n{question}<|im_end|>\n<|im_start|>assistant\n");
        assertThat(runs.get(0).get("params").has("template_turn")).isFalse();
        assertThat(runs.get(1).get("accuracy")).isEqualTo(runs.get(0).get("accuracy"));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
