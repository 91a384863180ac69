package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.SkippedRecord;
import dev.ponder.core.model.Sample;
import dev.ponder.core.store.RawSql;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad-input case of the import issue: a clear message with file and place, the good records kept where safe. */
class BadInputTest {
    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.create(dir.resolve("w.ponder"));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private ImportResult importFile(Path file) {
        return new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
    }

    @Test
    void aDuplicateSampleIsSkippedAndTheFirstKept() throws Exception {
        Path file = Files.writeString(dir.resolve("dupes.jsonl"), """
                {"format":"ponder-run","version":1,"run":{"name":"dupes","model":"m"}}
                {"type":"problem","key":"p1","question":"What is 2 + 2?","gold":"4"}
                {"type":"sample","problem":"p1","index":0,"text":"first \\\\boxed{4}"}
                {"type":"sample","problem":"p1","index":1,"text":"second \\\\boxed{5}"}
                {"type":"sample","problem":"p1","index":0,"text":"again \\\\boxed{3}"}
                """);
        ImportResult result = importFile(file);
        assertThat(result.samples()).isEqualTo(2);
        assertThat(result.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("problem p1, sample 0");
            assertThat(skipped.reason()).contains("a duplicate").contains("the first was kept");
        });
        long runId = result.runId();
        var samples = workspace.read(tables -> tables.samples()
                .ofProblem(runId, tables.problems().ofRun(runId).get(0).id()));
        assertThat(samples).extracting(s -> s.text()).containsExactly("first \\boxed{4}", "second \\boxed{5}");
    }

    @Test
    void aScoreThatIsNotANumberIsStoredAsMissingWithAWarningAndTheSampleKept() throws Exception {
        Path file = Files.writeString(dir.resolve("scores.jsonl"), """
                {"format":"ponder-run","version":1,"run":{"name":"scores","model":"m"}}
                {"type":"problem","key":"p1","question":"What is 2 + 2?","gold":"4"}
                {"type":"sample","problem":"p1","index":0,"text":"\\\\boxed{4}","score":Infinity}
                {"type":"sample","problem":"p1","index":1,"text":"\\\\boxed{4}","score":NaN}
                {"type":"sample","problem":"p1","index":2,"text":"\\\\boxed{4}","score":0.5}
                """);
        ImportResult result = importFile(file);
        assertThat(result.samples()).isEqualTo(3);
        assertThat(result.skippedCount()).isZero();
        assertThat(result.warningCount())
                .as("NaN is how tools write 'no score': missing, without a warning")
                .isEqualTo(1);
        assertThat(result.warnings().get(0).reason())
                .isEqualTo("its score Infinity is not a number; stored as missing");
        long runId = result.runId();
        var samples = workspace.read(tables -> tables.samples()
                .ofProblem(runId, tables.problems().ofRun(runId).get(0).id()));
        assertThat(samples).extracting(s -> s.score()).containsExactly(null, null, 0.5);
    }

    @Test
    void anLmEvalRecordWhoseDocIsATextIsSkippedNamingTheField() throws Exception {
        Path file = Files.writeString(dir.resolve("samples_gsm8k_2025-01-01T00-00-00.jsonl"), """
                {"doc_id": 0, "doc": {"question": "What is 2 + 2?", "answer": "4"}, "target": "4", "resps": [["\\\\boxed{4}"]], "filtered_resps": ["4"], "exact_match": 1.0}
                {"doc_id": 1, "doc": "What is 3 + 3?", "target": "6", "resps": [["\\\\boxed{6}"]], "filtered_resps": ["6"], "exact_match": 1.0}
                """);
        ImportResult result = importFile(file);
        assertThat(result.samples()).isEqualTo(1);
        assertThat(result.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("line 2");
            assertThat(skipped.reason())
                    .isEqualTo("'doc' must be a JSON object (the dataset's row, with the question), got a text");
        });
    }

    @Test
    void aTruncatedLastLineIsSkippedAndTheRestImports() throws Exception {
        List<String> lines = Files.readAllLines(ImportedRun.FIXTURES.resolve("sal_best_of_3.jsonl"));
        Path file = dir.resolve("cut.jsonl");
        Files.writeString(
                file,
                lines.get(0) + "\n" + lines.get(1).substring(0, lines.get(1).length() / 2));
        ImportResult result = importFile(file);
        assertThat(result.problems()).isEqualTo(1);
        assertThat(result.samples()).isEqualTo(3);
        assertThat(result.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("line 2");
            assertThat(skipped.reason())
                    .isEqualTo("not valid JSON: it breaks off inside a text (its closing quote is missing)");
        });
    }

    @Test
    void invalidUtf8CostsItsLineOnly() throws Exception {
        List<String> lines = Files.readAllLines(ImportedRun.FIXTURES.resolve("sal_best_of_3.jsonl"));
        byte[] latin1 = lines.get(0).replace("Multiply", "Multipli\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("latin1.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(latin1);
            out.write('\n');
            out.write(lines.get(1).getBytes(StandardCharsets.UTF_8));
        }
        ImportResult result = importFile(file);
        assertThat(result.samples()).isEqualTo(3);
        assertThat(result.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("line 1");
            assertThat(skipped.reason()).startsWith("not valid UTF-8 (bad byte 0xE9");
        });
    }

    @Test
    void aRecordOfTheWrongShapeIsSkippedWithWhatWasExpected() throws Exception {
        List<String> lines = Files.readAllLines(ImportedRun.FIXTURES.resolve("sal_best_of_3.jsonl"));
        Path file = dir.resolve("shape.jsonl");
        Files.writeString(
                file,
                lines.get(0).replaceFirst("\"completions\": \\[", "\"completions\": 42, \"x\": [") + "\n" + "[1, 2]\n"
                        + lines.get(1) + "\n");
        ImportResult result = importFile(file);
        assertThat(result.samples()).isEqualTo(3);
        assertThat(result.skipped())
                .extracting(SkippedRecord::toString)
                .containsExactly(
                        "line 1: 'completions' must be a list of responses, got 42",
                        "line 2: expected a JSON object, got array");
        assertThat(result.problems())
                .as("the skipped record leaves no problem behind")
                .isEqualTo(1);
        int problemsInWorkspace = RawSql.read(workspace, connection -> {
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM problem")) {
                rows.next();
                return rows.getInt(1);
            }
        });
        assertThat(problemsInWorkspace).isEqualTo(1);
    }

    @Test
    void aFiftyMegabyteLineImports() throws Exception {
        String trace = "<think>\n" + "Let me add the carries once more. ".repeat(1_600_000) + "\n</think>\n\\boxed{7}";
        assertThat(trace.length()).isGreaterThan(50_000_000);
        Path file = dir.resolve("huge.jsonl");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"doc_id\": 0, \"doc\": {\"question\": \"3 + 4?\"}, \"target\": \"7\", \"resps\": [[");
            out.write(Json.MAPPER.writeValueAsString(trace));
            out.write("]], \"filtered_resps\": [\"x\"]}\n");
        }
        ImportResult result = importFile(file);
        assertThat(result.samples()).isEqualTo(1);
        Sample sample = new ImportedRun(workspace, result).allSamples().get(0);
        assertThat(sample.text()).hasSize(trace.length());
        assertThat(sample.correct()).isTrue();
        assertThat(sample.tokens().estimated()).isTrue();
    }

    @Test
    void anEmptyFileIsRefusedWithItsName() throws Exception {
        Path file = Files.createFile(dir.resolve("results.jsonl"));
        assertThatThrownBy(() -> importFile(file))
                .isInstanceOf(ImportException.class)
                .hasMessage("results.jsonl: the file is empty");
        assertThat(workspace.runSummaries()).isEmpty();
    }

    @Test
    void aDocumentThatBreaksOffKeepsTheCompleteRecordsBeforeTheBreak() throws Exception {
        String json = Files.readString(ImportedRun.FIXTURES.resolve("skythought_results.json"));
        Path file = dir.resolve("results.json");
        Files.writeString(file, json.substring(0, json.indexOf("\"1\": {") + 40));
        ImportResult result = importFile(file);
        assertThat(result.problems()).isEqualTo(1);
        assertThat(result.samples()).isEqualTo(2);
        assertThat(result.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).startsWith("line ");
            assertThat(skipped.reason())
                    .contains("the JSON breaks off here")
                    .contains("the complete records before it were imported");
        });
    }

    @Test
    void aZipThatIsNotAnInspectLogIsNotRecognisedAndIsRefusedAsInspect() throws Exception {
        Path zip = dir.resolve("photos.eval");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            InspectArchives.entry(out, "holiday/beach.txt", "not a log");
        }
        assertThatThrownBy(() -> importFile(zip))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("photos.eval: not a run file Ponder recognises")
                .message()
                .doesNotContain("PK")
                .doesNotContain("\u0003");
        assertThatThrownBy(() -> new Importer(workspace)
                        .importFile(zip, ImportOptions.DEFAULT.withFormat("inspect"), TaskContext.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessage(
                        "photos.eval: the ZIP is not an Inspect log: it has neither header.json nor _journal/start.json");
        assertThat(workspace.runSummaries()).isEmpty();
    }

    @Test
    void aZipEntryThatLeadsOutsideTheArchiveRefusesTheFile() throws Exception {
        Path zip = dir.resolve("slip.eval");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            InspectArchives.entry(out, "header.json", "{\"eval\": {\"task\": \"t\", \"model\": \"m\"}}");
            InspectArchives.entry(out, "samples/../../../etc/cron.d/evil_epoch_1.json", "{}");
        }
        assertThatThrownBy(() -> importFile(zip))
                .isInstanceOf(ImportException.class)
                .hasMessage(
                        "slip.eval, entry \"samples/../../../etc/cron.d/evil_epoch_1.json\": the entry's path leads "
                                + "outside the archive; the file is refused as unsafe");
        assertThat(workspace.runSummaries()).isEmpty();
        assertThat(dir.getParent().resolve("etc")).doesNotExist();
    }

    /** A ZIP bomb: one entry of 3 MB that inflates to 3 GB, refused at once from its declared size. */
    @Test
    void anEntryThatWouldInflateThousandsOfTimesIsRefusedBeforeAnyOfItIsRead() throws Exception {
        Path zip = dir.resolve("bomb.eval");
        try (org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream out =
                new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zip)) {
            InspectArchives.zstdEntry(
                    out,
                    "header.json",
                    "{\"eval\": {\"task\": \"t\", \"model\": \"m\"}}".getBytes(StandardCharsets.UTF_8),
                    3_000_000_000L);
        }
        long started = System.nanoTime();
        assertThatThrownBy(() -> importFile(zip))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("bomb.eval, entry \"header.json\": it inflates")
                .hasMessageContaining("refused");
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(1.0);
        assertThat(workspace.runSummaries()).isEmpty();
    }

    /** An archive that declares a small size and inflates to much more: the sample is refused once it passes the lie. */
    @Test
    void anEntryThatInflatesPastTheSizeItDeclaresIsSkippedAndTheRestImported() throws Exception {
        String log = Files.readString(ImportedRun.FIXTURES.resolve("inspect_log.json"));
        Path honest = InspectArchives.writeZstd(dir.resolve("honest.eval"), log);
        Path lying = dir.resolve("lying.eval");
        try (var in = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                        .setPath(honest)
                        .get();
                var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(lying)) {
            for (var entry : java.util.Collections.list(in.getEntries())) {
                byte[] content =
                        new io.airlift.compress.zstd.ZstdInputStream(in.getRawInputStream(entry)).readAllBytes();
                boolean lie = entry.getName().equals("samples/2_epoch_2.json");
                InspectArchives.zstdEntry(out, entry.getName(), content, lie ? 10 : -1);
            }
        }
        ImportResult result = importFile(lying);
        assertThat(result.samples()).isEqualTo(3);
        assertThat(result.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.location()).isEqualTo("entry \"samples/2_epoch_2.json\"");
            assertThat(skipped.reason()).contains("inflates past the 0.0 MB the archive declares");
        });
    }

    @Test
    void aBrokenSampleInAnInspectArchiveIsSkippedByName() throws Exception {
        String log = Files.readString(ImportedRun.FIXTURES.resolve("inspect_log.json"));
        Path archive = InspectArchives.write(dir.resolve("log.eval"), log);
        Path broken = dir.resolve("broken.eval");
        try (var in = new java.util.zip.ZipFile(archive.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                String content = new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                InspectArchives.entry(
                        out,
                        entry.getName(),
                        entry.getName().equals("samples/2_epoch_2.json") ? content.substring(0, 50) : content);
            }
        }
        ImportResult result = importFile(broken);
        assertThat(result.samples()).isEqualTo(3);
        assertThat(result.skipped())
                .singleElement()
                .satisfies(skipped -> assertThat(skipped.location()).isEqualTo("entry \"samples/2_epoch_2.json\""));
    }

    @Test
    void theSameFileTwiceIsRefusedUnlessAskedAndNothingIsWritten() {
        Path file = ImportedRun.FIXTURES.resolve("limo_eval.jsonl");
        ImportResult first = importFile(file);
        assertThatThrownBy(() -> importFile(file))
                .isInstanceOf(AlreadyImportedException.class)
                .hasMessage(
                        "limo_eval.jsonl: this file was imported before, as run " + first.runId()
                                + " \"limo_eval\" (same SHA-256). Import it again on purpose to have it twice (ponder import --again).");
        assertThat(workspace.runSummaries()).hasSize(1);
        new Importer(workspace).importFile(file, ImportOptions.DEFAULT.evenIfImportedBefore(), TaskContext.NONE);
        assertThat(workspace.runSummaries()).hasSize(2);
    }
}
