package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PonderCliTest {
    private static final Path SAMPLE =
            Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    @Test
    void buildsOnlyTheCommandItRunsButListsThemAllForHelp() {
        assertThat(PonderCli.commandLine("stats").getSubcommands().keySet()).containsExactly("stats");
        assertThat(PonderCli.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(PonderCli.commandLine("--help").getSubcommands().keySet())
                .contains("info", "import", "stats", "compute-optimal", "help")
                .hasSize(17);
        assertThat(PonderCli.commandLine("no-such-command").getSubcommands()).hasSize(17);
        assertThat(PonderCli.isCommand("compute-optimal")).isTrue();
        assertThat(PonderCli.isCommand("runs.jsonl")).isFalse();
    }

    @Test
    void printsItsVersionAndHelp() {
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).startsWith("Ponder ");
        cli.clearOut();
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out()).contains("Usage: ponder", "info", "import", "With no command, opens the window");
    }

    @Test
    void importsAFileAndListsItWithInfo() throws Exception {
        Path workspace = dir.resolve("w.ponder");
        assertThat(cli.run("import", SAMPLE.toString(), "--workspace", workspace.toString(), "--set", "group=demo"))
                .isZero();
        assertThat(cli.out())
                .contains("Imported tiny-arith-best-of-4.jsonl as run 1 \"tiny-arith best-of-4\" "
                        + "(ponder-jsonl, from its fields format, version, run): 6 problems, 24 samples, 0 tree nodes, "
                        + "0 skipped");

        cli.clearOut();
        assertThat(cli.run("info", "--workspace", workspace.toString())).isZero();
        assertThat(cli.out())
                .contains(
                        "(schema v7)", "Runs       1", "tiny-arith best-of-4", "ponder-jsonl", "hand-written", "75.0%");

        cli.clearOut();
        assertThat(cli.run("info", "-w", workspace.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("workspace").asText())
                .isEqualTo(workspace.toAbsolutePath().toString());
        assertThat(json.path("schema_version").asInt()).isEqualTo(7);
        JsonNode run = json.path("runs").get(0);
        assertThat(run.path("name").asText()).isEqualTo("tiny-arith best-of-4");
        assertThat(run.path("problems").asInt()).isEqualTo(6);
        assertThat(run.path("samples").asInt()).isEqualTo(24);
        assertThat(run.path("graded_samples").asInt()).isEqualTo(24);
        assertThat(run.path("accuracy").asDouble()).isEqualTo(0.75);
        assertThat(run.path("params").path("group").asText()).isEqualTo("demo");
        assertThat(run.path("source_sha256").asText()).hasSize(64);
    }

    @Test
    void importWithJsonReportsImportedAndFailedFiles() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), "not a run\n");
        assertThat(cli.run(
                        "import",
                        SAMPLE.toString(),
                        broken.toString(),
                        "-w",
                        dir.resolve("w.ponder").toString(),
                        "--json"))
                .as("imported in part")
                .isEqualTo(PonderCli.PARTIAL);
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.path("imported")).hasSize(1);
        assertThat(json.path("imported").get(0).path("samples").asInt()).isEqualTo(24);
        assertThat(json.path("failed").get(0).path("error").asText())
                .startsWith("broken.jsonl: not a run file Ponder recognises");
    }

    @Test
    void aFailedImportSaysWhyAndTheOtherFilesStillImport() throws Exception {
        Path workspace = dir.resolve("w.ponder");
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        assertThat(cli.run("import", empty.toString(), SAMPLE.toString(), "-w", workspace.toString()))
                .isEqualTo(PonderCli.PARTIAL);
        assertThat(cli.err()).contains("ponder: not imported: empty.jsonl: the file is empty");
        try (Workspace opened = Workspace.open(workspace)) {
            assertThat(opened.runSummaries()).hasSize(1);
        }
    }

    @Test
    void infoWithoutTheDefaultWorkspaceSaysHowToCreateIt() {
        assertThat(cli.run("info")).isEqualTo(PonderCli.FAILED);
        assertThat(cli.err()).contains("does not exist yet", "ponder import FILE");
        assertThat(dir.resolve("home/default.ponder")).doesNotExist();
    }

    @Test
    void importGoesToTheDefaultWorkspaceUnlessToldOtherwise() {
        assertThat(cli.run("import", SAMPLE.toString())).isZero();
        assertThat(dir.resolve("home/default.ponder")).exists();
        assertThat(cli.run("info")).isZero();
        assertThat(cli.out()).contains(dir.resolve("home/default.ponder").toString());
    }

    @Test
    void aForeignWorkspaceIsAClearErrorNotAStackTrace() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.ponder"), "hello");
        assertThat(cli.run("info", "-w", notes.toString())).isEqualTo(PonderCli.FAILED);
        assertThat(cli.err())
                .isEqualTo("ponder: notes.ponder is not a Ponder workspace: it is not an SQLite database. "
                        + "It was left unchanged." + System.lineSeparator());
    }

    @Test
    void aMappedFileImportsAndTheMappingIsRememberedForFilesOfItsShape() throws Exception {
        Path generic = Path.of("src/test/resources/dev/ponder/core/ingest/generic/per_sample.jsonl")
                .toAbsolutePath();
        Path workspace = dir.resolve("w.ponder");
        assertThat(cli.run(
                        "import",
                        generic.toString(),
                        "-w",
                        workspace.toString(),
                        "--map",
                        "problem=qid",
                        "--map",
                        "question=prompt",
                        "--map",
                        "gold=gold",
                        "--map",
                        "trace=response",
                        "--map",
                        "correct=label",
                        "--remember"))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("(generic, through a field mapping): 2 problems, 3 samples");

        Path sameShape = Files.writeString(
                dir.resolve("more.jsonl"),
                "{\"qid\": \"q9\", \"prompt\": \"5 + 5?\", "
                        + "\"gold\": \"10\", \"response\": \"\\\\boxed{10}\", \"label\": 1, \"ntok\": 4}\n");
        cli.clearOut();
        assertThat(cli.run("import", sameShape.toString(), "-w", workspace.toString()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains(
                        "Reading more.jsonl with the mapping saved for files of its shape",
                        "(generic, through a field mapping): 1 problem, 1 sample");

        Path otherShape = Files.writeString(dir.resolve("other.jsonl"), "{\"x\": 1}\n");
        assertThat(cli.run("import", otherShape.toString(), "-w", workspace.toString()))
                .isEqualTo(PonderCli.FAILED);
        assertThat(cli.err()).contains("other.jsonl: no reader knows it, and no field looks like generated text");
    }

    @Test
    void aFolderOfRunsAtSeveralBudgetsImportsAsOneBudgetSweep() throws Exception {
        Path limo = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures/limo_eval.jsonl");
        Path folder = Files.createDirectories(dir.resolve("sweep A"));
        for (String budget : new String[] {"1k", "2k", "4k"}) {
            // Each file must differ in content too, or the second is refused as imported before.
            Files.writeString(
                    folder.resolve("limo_budget_" + budget + ".jsonl"),
                    Files.readString(limo).replace("primes", budget));
        }
        Files.writeString(folder.resolve("notes.txt"), "not a run");
        Path workspace = dir.resolve("w.ponder");
        assertThat(cli.run("import", folder.toString(), "-w", workspace.toString()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains(
                        "Left out " + folder.resolve("notes.txt") + ": not a run file Ponder recognises",
                        "Reading limo_budget_2k.jsonl with budget 2048, group sweep A (from its name or folder)");
        try (Workspace opened = Workspace.open(workspace)) {
            assertThat(opened.runSummaries())
                    .extracting(summary -> summary.run().params().get("budget"))
                    .containsExactly("1024", "2048", "4096");
            assertThat(opened.runSummaries())
                    .extracting(summary -> summary.run().params().get("group"))
                    .containsOnly("sweep A");
        }
    }

    @Test
    void aBadAttributeValueIsAUsageError() {
        assertThat(cli.run("import", SAMPLE.toString(), "--set", "temperature=hot"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--set: Temperature must be a number of 0 or more, not 'hot'");
    }

    @Test
    void aBadMappingIsAUsageError() {
        assertThat(cli.run("import", SAMPLE.toString(), "--map", "response=text"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--map: unknown field 'response'");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(cli.run("frobnicate")).isEqualTo(2);
        assertThat(cli.err()).contains("Unmatched argument");
    }
}
