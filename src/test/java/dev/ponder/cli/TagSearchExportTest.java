package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Tagging from a script, searching the traces, and exporting the tagged samples as a dataset. */
class TagSearchExportTest {
    private static final Path RUN =
            Path.of("src/test/resources/dev/ponder/app/workbench-run.jsonl").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    private String workspace;

    @BeforeEach
    void importRun() {
        workspace = cli.importInto(dir, RUN);
    }

    @Test
    void searchFindsPhrasesAcrossTracesWithTheMatchInContext() throws Exception {
        assertThat(cli.run("search", "let me reconsider", "-w", workspace, "--json"))
                .isZero();
        JsonNode hits = JSON.readTree(cli.out()).path("hits");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).path("problem_key").asText()).isEqualTo("wb/apples");
        assertThat(hits.get(0).path("sample_index").asInt()).isZero();
        assertThat(hits.get(0).path("snippet").asText()).contains("[let me reconsider]");
        cli.clearOut();

        assertThat(cli.run("search", "I made a mistake", "-w", workspace)).isZero();
        assertThat(cli.out()).contains("wb/apples  #2").contains("1 hit");
        cli.clearOut();
        assertThat(cli.run("search", "\"answer is 63\" OR \"answer is 42\"", "-w", workspace, "--json"))
                .isZero();
        assertThat(JSON.readTree(cli.out()).path("hits")).hasSize(4);
    }

    @Test
    void taggedSamplesAndSamplesOfTaggedProblemsExportAsJsonLines() throws Exception {
        assertThat(cli.run("search", "I made a mistake", "-w", workspace, "--json"))
                .isZero();
        long overthought =
                JSON.readTree(cli.out()).path("hits").get(0).path("sample_id").asLong();
        cli.clearOut();

        assertThat(cli.run("tag", "--sample", String.valueOf(overthought), "overthinking", "-w", workspace))
                .isZero();
        assertThat(cli.run("tag", "--problem", "wb/pears", "overthinking", "-w", workspace))
                .isZero();
        assertThat(cli.run("tag", "--problem", "wb/pears", "easy", "-w", workspace))
                .isZero();
        assertThat(cli.run("tag", "--sample", "999", "overthinking", "-w", workspace))
                .isEqualTo(PonderCli.FAILED);
        assertThat(cli.err()).contains("There is no sample 999");

        Path out = dir.resolve("cases.jsonl");
        assertThat(cli.run("export-samples", "--tag", "overthinking", "--out", out.toString(), "-w", workspace))
                .isZero();
        assertThat(cli.out()).contains("Exported 4 samples tagged \"overthinking\"");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("problem_key").asText()).isEqualTo("wb/apples");
        assertThat(first.path("sample_index").asInt()).isEqualTo(2);
        assertThat(first.path("question").asText()).startsWith("Anna has 12 apples");
        assertThat(first.path("gold_answer").asText()).isEqualTo("42");
        assertThat(first.path("text").asText()).contains("I made a mistake?");
        assertThat(first.path("extracted_answer").asText()).isEqualTo("360");
        assertThat(first.path("correct").asBoolean()).isFalse();
        assertThat(first.path("tokens_total").asInt()).isEqualTo(60);
        assertThat(first.path("score").asDouble()).isEqualTo(0.2);
        assertThat(first.path("tags").toString()).isEqualTo("[\"overthinking\"]");
        assertThat(first.path("run").asText()).isEqualTo("workbench fixture");
        JsonNode pear = JSON.readTree(lines.get(1));
        assertThat(pear.path("problem_key").asText()).isEqualTo("wb/pears");
        assertThat(pear.path("tags").toString()).isEqualTo("[\"easy\",\"overthinking\"]");

        assertThat(cli.run("tag", "--problem", "wb/pears", "overthinking", "--remove", "-w", workspace))
                .isZero();
        cli.clearOut();
        assertThat(cli.run(
                        "export-samples", "--tag", "overthinking", "--out", out.toString(), "-w", workspace, "--json"))
                .isZero();
        assertThat(JSON.readTree(cli.out()).path("samples").asInt()).isEqualTo(1);
        assertThat(Files.readAllLines(out)).hasSize(1);
        assertThat(Files.exists(dir.resolve("cases.jsonl.part"))).isFalse();
    }
}
