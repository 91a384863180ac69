package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.store.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PonderCliTest {
    private static final Path SAMPLE = Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String previousHome;

    @BeforeEach
    void isolateHome() {
        previousHome = System.getProperty(PonderHome.PROPERTY);
        System.setProperty(PonderHome.PROPERTY, dir.resolve("home").toString());
    }

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty(PonderHome.PROPERTY);
        } else {
            System.setProperty(PonderHome.PROPERTY, previousHome);
        }
    }

    @Test
    void printsItsVersionAndHelp() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Ponder ");
        out.getBuffer().setLength(0);
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: ponder", "info", "import", "With no command, opens the window");
    }

    @Test
    void importsAFileAndListsItWithInfo() throws Exception {
        Path workspace = dir.resolve("w.ponder");
        assertThat(run("import", SAMPLE.toString(), "--workspace", workspace.toString(), "--set", "group=demo")).isZero();
        assertThat(out.toString()).contains("Imported tiny-arith-best-of-4.jsonl as run 1 \"tiny-arith best-of-4\" "
                + "(ponder-jsonl): 6 problems, 24 samples, 0 tree nodes, 0 skipped");

        out.getBuffer().setLength(0);
        assertThat(run("info", "--workspace", workspace.toString())).isZero();
        assertThat(out.toString()).contains("(schema v5)", "Runs       1", "tiny-arith best-of-4", "ponder-jsonl",
                "hand-written", "75.0%");

        out.getBuffer().setLength(0);
        assertThat(run("info", "-w", workspace.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("workspace").asText()).isEqualTo(workspace.toAbsolutePath().toString());
        assertThat(json.path("schema_version").asInt()).isEqualTo(5);
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
        assertThat(run("import", SAMPLE.toString(), broken.toString(), "-w", dir.resolve("w.ponder").toString(), "--json"))
                .isEqualTo(PonderCli.FAILED);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("imported")).hasSize(1);
        assertThat(json.path("imported").get(0).path("samples").asInt()).isEqualTo(24);
        assertThat(json.path("failed").get(0).path("error").asText()).startsWith("broken.jsonl: not a run file Ponder recognises");
    }

    @Test
    void aFailedImportSaysWhyAndTheOtherFilesStillImport() throws Exception {
        Path workspace = dir.resolve("w.ponder");
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        assertThat(run("import", empty.toString(), SAMPLE.toString(), "-w", workspace.toString())).isEqualTo(PonderCli.FAILED);
        assertThat(err.toString()).contains("ponder: not imported: empty.jsonl: the file is empty");
        try (Workspace opened = Workspace.open(workspace)) {
            assertThat(opened.runSummaries()).hasSize(1);
        }
    }

    @Test
    void infoWithoutTheDefaultWorkspaceSaysHowToCreateIt() {
        assertThat(run("info")).isEqualTo(PonderCli.FAILED);
        assertThat(err.toString()).contains("does not exist yet", "ponder import FILE");
        assertThat(dir.resolve("home/default.ponder")).doesNotExist();
    }

    @Test
    void importGoesToTheDefaultWorkspaceUnlessToldOtherwise() {
        assertThat(run("import", SAMPLE.toString())).isZero();
        assertThat(dir.resolve("home/default.ponder")).exists();
        assertThat(run("info")).isZero();
        assertThat(out.toString()).contains(dir.resolve("home/default.ponder").toString());
    }

    @Test
    void aForeignWorkspaceIsAClearErrorNotAStackTrace() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.ponder"), "hello");
        assertThat(run("info", "-w", notes.toString())).isEqualTo(PonderCli.FAILED);
        assertThat(err.toString()).isEqualTo("ponder: notes.ponder is not a Ponder workspace: it is not an SQLite database. "
                + "It was left unchanged." + System.lineSeparator());
    }

    @Test
    void aMappedFileImportsAndTheMappingIsRememberedForFilesOfItsShape() throws Exception {
        Path generic = Path.of("src/test/resources/dev/ponder/core/ingest/generic/per_sample.jsonl").toAbsolutePath();
        Path workspace = dir.resolve("w.ponder");
        assertThat(run("import", generic.toString(), "-w", workspace.toString(), "--map", "problem=qid", "--map",
                "question=prompt", "--map", "gold=gold", "--map", "trace=response", "--map", "correct=label",
                "--remember")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("(generic): 2 problems, 3 samples");

        Path sameShape = Files.writeString(dir.resolve("more.jsonl"), "{\"qid\": \"q9\", \"prompt\": \"5 + 5?\", "
                + "\"gold\": \"10\", \"response\": \"\\\\boxed{10}\", \"label\": 1, \"ntok\": 4}\n");
        out.getBuffer().setLength(0);
        assertThat(run("import", sameShape.toString(), "-w", workspace.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Reading more.jsonl with the mapping saved for files of its shape",
                "(generic): 1 problems, 1 samples");

        Path otherShape = Files.writeString(dir.resolve("other.jsonl"), "{\"x\": 1}\n");
        assertThat(run("import", otherShape.toString(), "-w", workspace.toString())).isEqualTo(PonderCli.FAILED);
        assertThat(err.toString()).contains("not a run file Ponder recognises");
    }

    @Test
    void aFolderOfRunsAtSeveralBudgetsImportsAsOneBudgetSweep() throws Exception {
        Path limo = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures/limo_eval.jsonl");
        Path folder = Files.createDirectories(dir.resolve("sweep A"));
        for (String budget : new String[]{"1k", "2k", "4k"}) {
            // Each file must differ in content too, or the second is refused as imported before.
            Files.writeString(folder.resolve("limo_budget_" + budget + ".jsonl"), Files.readString(limo).replace("primes", budget));
        }
        Files.writeString(folder.resolve("notes.txt"), "not a run");
        Path workspace = dir.resolve("w.ponder");
        assertThat(run("import", folder.toString(), "-w", workspace.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Left out " + folder.resolve("notes.txt") + ": not a run file Ponder recognises",
                "Reading limo_budget_2k.jsonl with budget 2048, group sweep A (from its name or folder)");
        try (Workspace opened = Workspace.open(workspace)) {
            assertThat(opened.runSummaries()).extracting(summary -> summary.run().params().get("budget"))
                    .containsExactly("1024", "2048", "4096");
            assertThat(opened.runSummaries()).extracting(summary -> summary.run().params().get("group"))
                    .containsOnly("sweep A");
        }
    }

    @Test
    void aBadAttributeValueIsAUsageError() {
        assertThat(run("import", SAMPLE.toString(), "--set", "temperature=hot")).isEqualTo(2);
        assertThat(err.toString()).contains("--set: Temperature must be a number of 0 or more, not 'hot'");
    }

    @Test
    void aBadMappingIsAUsageError() {
        assertThat(run("import", SAMPLE.toString(), "--map", "response=text")).isEqualTo(2);
        assertThat(err.toString()).contains("--map: unknown field 'response'");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument");
    }

    private int run(String... args) {
        CommandLine commandLine = PonderCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
