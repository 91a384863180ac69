package dev.ponder.app.importing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.AppSettings;
import dev.ponder.app.common.Notice;
import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.FieldMapping.Field;
import dev.ponder.core.ingest.plan.FileShape;
import dev.ponder.core.ingest.plan.PlannedFile;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.model.RunAttribute;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.task.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import flow behind the window: plan, dialog state, mapping, import, summary, import again. */
class ImportViewModelTest {
    private static final Path SAMPLE =
            Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();
    private static final Path LIMO = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures/limo_eval.jsonl");
    private static final Path PER_SAMPLE =
            Path.of("src/test/resources/dev/ponder/core/ingest/generic/per_sample.jsonl");

    @TempDir
    Path dir;

    private final WorkspaceSession session = new WorkspaceSession();
    private final List<Notice> notices = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();
    private AppSettings settings;
    private ImportViewModel importing;

    @BeforeEach
    void setUp() {
        session.replace(WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir)));
        settings = new AppSettings(new SettingsStore(dir.resolve("settings.json")));
        importing = new ImportViewModel(new DirectTaskRunner(), session, settings, statuses::add);
        importing.noticeProperty().addListener((observable, before, notice) -> notices.add(notice));
    }

    @AfterEach
    void tearDown() {
        session.workspace().close();
    }

    @Test
    void anInspectLogsFiguresFromItsSummariesLeadEveryProgressLineOfItsImport() throws Exception {
        Path log = dir.resolve("arith.eval");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(log))) {
            entry(zip, "_journal/start.json", "{\"version\": 2, \"eval\": {\"task\": \"arith\", \"model\": \"m\"}}");
            StringBuilder summaries = new StringBuilder("[");
            for (int epoch = 1; epoch <= 4; epoch++) {
                String answer = epoch == 4 ? "5" : "4";
                String score = "{\"match\": {\"value\": \"" + (epoch == 4 ? "I" : "C") + "\", \"answer\": \"" + answer
                        + "\"}}";
                String common = "\"id\": 1, \"epoch\": " + epoch + ", \"input\": \"2+2?\", \"target\": \"4\", "
                        + "\"scores\": " + score;
                entry(
                        zip,
                        "samples/1_epoch_" + epoch + ".json",
                        "{" + common + ", \"output\": {\"choices\": [{"
                                + "\"message\": {\"role\": \"assistant\", \"content\": \"\\\\boxed{" + answer
                                + "}\"}}]}}");
                summaries
                        .append(epoch == 1 ? "" : ",")
                        .append("{")
                        .append(common)
                        .append("}");
            }
            entry(zip, "summaries.json", summaries.append("]").toString());
            entry(zip, "header.json", "{\"version\": 2, \"status\": \"success\", \"eval\": {\"task\": \"arith\"}}");
        }
        List<String> told = new ArrayList<>();
        ImportViewModel watched = new ImportViewModel(
                new DirectTaskRunner((title, done, total, message) -> told.add(message)),
                session,
                settings,
                statuses::add);
        watched.start(List.of(new FileImport(log, dev.ponder.core.ingest.plan.ImportOptions.DEFAULT)));
        assertThat(runs())
                .singleElement()
                .satisfies(run -> assertThat(run.samples()).isEqualTo(4));
        assertThat(told)
                .filteredOn(message -> message != null && message.contains("Importing"))
                .isNotEmpty()
                .allSatisfy(message -> assertThat(message)
                        .startsWith("From its summaries: accuracy 75.0%, pass@4 100.0%, maj@4 100.0% · "));
    }

    private static void entry(java.util.zip.ZipOutputStream zip, String name, String json) throws Exception {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private List<RunSummary> runs() {
        return session.workspace().runs().summaries();
    }

    private ImportDialogModel dialogFor(Path... paths) {
        importing.choose(List.of(paths));
        return importing.dialogFor(importing.planProperty().get());
    }

    @Test
    void importsWhatTheDialogSaysWithItsAttributes() {
        long revision = session.revisionProperty().get();
        ImportDialogModel dialog = dialogFor(SAMPLE);
        assertThat(dialog.rows()).singleElement().satisfies(row -> {
            assertThat(row.formatProperty().get()).isEqualTo("ponder-jsonl");
            assertThat(row.status()).isEqualTo("recognised");
        });
        assertThat(dialog.single()).isTrue();
        dialog.attribute(RunAttribute.NAME).set("arith at 4k");
        dialog.attribute(RunAttribute.BUDGET).set("4096");
        dialog.attribute(RunAttribute.GROUP).set("sweep A");
        dialog.tokenizerProperty().set("o200k");
        assertThat(dialog.problemProperty().get()).isEmpty();

        importing.start(dialog.imports());

        assertThat(runs()).singleElement().satisfies(summary -> {
            assertThat(summary.run().name()).isEqualTo("arith at 4k");
            assertThat(summary.run().params()).containsEntry("budget", "4096").containsEntry("group", "sweep A");
            assertThat(summary.samples()).isEqualTo(24);
        });
        assertThat(session.revisionProperty().get()).isGreaterThan(revision);
        assertThat(statuses).containsExactly("Imported arith at 4k: 6 problems, 24 samples");
        assertThat(settings.get().recentImports()).containsExactly(SAMPLE.toString());
        assertThat(notices).isEmpty();
    }

    /** Choosing lm-eval's results summary offers the samples it describes, saying the summary is read for them. */
    @Test
    void aResultsSummaryIsOfferedAsTheSamplesBesideItWhichReadIt() throws Exception {
        Path fixtures = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures");
        String stamp = "2025-01-31T12-00-00.000000";
        Path summary =
                Files.copy(fixtures.resolve("results_" + stamp + ".json"), dir.resolve("results_" + stamp + ".json"));
        Files.copy(
                fixtures.resolve("samples_aime24_s1_" + stamp + ".jsonl"),
                dir.resolve("samples_aime24_s1_" + stamp + ".jsonl"));
        ImportDialogModel dialog = dialogFor(summary);
        assertThat(dialog.rows()).singleElement().satisfies(row -> {
            assertThat(row.fileName()).isEqualTo("samples_aime24_s1_" + stamp + ".jsonl");
            assertThat(row.status())
                    .isEqualTo("recognised; its results summary results_" + stamp
                            + ".json is read for the model and settings");
        });
    }

    @Test
    void theDialogStartsFromTheDefaultGraderAndTokenizerInSettings() {
        assertThat(dialogFor(SAMPLE).graderProperty().get()).isEqualTo("ponder-math");
        settings.update(current -> current.withPreferences(
                current.preferences().withDefaultGrader("multiple-choice").withTokenizer("o200k")));
        ImportDialogModel dialog = dialogFor(SAMPLE);
        assertThat(dialog.graderProperty().get()).isEqualTo("multiple-choice");
        assertThat(dialog.tokenizerProperty().get()).isEqualTo("o200k");
    }

    @Test
    void saysWhatIsWrongUntilTheImportCanStart() {
        ImportDialogModel dialog = dialogFor(SAMPLE);
        dialog.attribute(RunAttribute.TEMPERATURE).set("warm");
        assertThat(dialog.problemProperty().get()).isEqualTo("Temperature must be a number of 0 or more, not 'warm'");
        assertThat(dialog.canImportProperty().get()).isFalse();
        dialog.attribute(RunAttribute.TEMPERATURE).set("0.7");
        dialog.tokenizerProperty().set(dir.resolve("missing/tokenizer.json").toString());
        assertThat(dialog.problemProperty().get()).startsWith("No tokenizer file at");
        dialog.tokenizerProperty().set("cl100k");
        dialog.rows().get(0).includeProperty().set(false);
        assertThat(dialog.problemProperty().get()).isEqualTo("Choose at least one file to import");
        assertThat(dialog.summaryProperty().get()).startsWith("1 file, ");
    }

    @Test
    void aFolderBecomesABudgetSweepAndTypedBudgetsWin() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("budget sweep A"));
        for (String budget : List.of("512", "1024", "2048")) {
            Files.writeString(
                    folder.resolve("limo_b" + budget + ".jsonl"),
                    Files.readString(LIMO).replace("primes", budget));
        }
        ImportDialogModel dialog = dialogFor(folder);
        assertThat(dialog.rows()).extracting(row -> row.budgetProperty().get()).containsExactly("1024", "2048", "512");
        assertThat(dialog.rows().get(0).guessed()).isEqualTo("group budget sweep A");
        assertThat(dialog.single()).isFalse();
        dialog.rows().get(2).budgetProperty().set("500");
        dialog.attribute(RunAttribute.MODEL).set("qwq-32b");

        importing.start(dialog.imports());

        assertThat(runs())
                .extracting(summary -> summary.run().params().get("budget"))
                .containsExactly("1024", "2048", "500");
        assertThat(runs())
                .extracting(summary -> summary.run().params().get("group"))
                .containsOnly("budget sweep A");
        assertThat(runs()).extracting(summary -> summary.run().model()).containsOnly("qwq-32b");
        assertThat(statuses).containsExactly("Imported 3 runs, 9 samples");
    }

    @Test
    void aFileNoReaderKnowsIsMappedPreviewedRememberedAndImported() throws Exception {
        Path file = Files.copy(PER_SAMPLE, dir.resolve("lab_eval.jsonl"));
        ImportDialogModel dialog = dialogFor(file);
        ImportRow row = dialog.rows().get(0);
        assertThat(row.includeProperty().get()).isFalse();
        assertThat(row.status()).isEqualTo("no reader knows it: map its fields");
        row.includeProperty().set(true);
        assertThat(dialog.problemProperty().get())
                .contains("lab_eval.jsonl: no reader knows this file; map its fields");

        MappingDialogModel mapping = importing.mappingFor(row.planned());
        mapping.load();
        assertThat(mapping.knownPaths()).containsExactly("qid", "prompt", "gold", "response", "label", "ntok");
        assertThat(mapping.rawRecordsProperty().get()).contains("\"qid\" : \"q1\"");
        assertThat(mapping.path(Field.TRACE).get()).isEqualTo("response");
        assertThat(mapping.preview()).hasSize(3);
        assertThat(mapping.path(Field.TOKENS).get()).isEqualTo("ntok");
        mapping.path(Field.TOKENS).set("");
        assertThat(mapping.preview().get(0).tokensEstimated()).isTrue();
        mapping.path(Field.TOKENS).set("ntok");
        assertThat(mapping.preview().get(0).tokens()).isEqualTo(12);
        assertThat(mapping.preview()).extracting(preview -> preview.correct()).containsExactly(true, false, true);
        assertThat(mapping.problemProperty().get()).isEmpty();
        FieldMapping chosen = mapping.mapping().orElseThrow();

        importing.remember(row.planned().shape(), chosen);
        row.mapped(chosen);
        assertThat(dialog.problemProperty().get()).isEmpty();
        assertThat(row.status()).isEqualTo("read with a field mapping");
        importing.start(dialog.imports());

        assertThat(runs()).singleElement().satisfies(summary -> {
            assertThat(summary.run().source().format()).isEqualTo("generic");
            assertThat(summary.samples()).isEqualTo(3);
            assertThat(summary.problems()).isEqualTo(2);
        });
        FileShape shape = FileShape.of(FileHead.of(file));
        assertThat(new SettingsStore(dir.resolve("settings.json")).load().mappingFor(shape))
                .isPresent();

        Path sameShape = Files.writeString(
                dir.resolve("more.jsonl"), Files.readString(PER_SAMPLE).replace("q1", "q7"));
        PlannedFile next = dialogFor(sameShape).rows().get(0).planned();
        assertThat(next.format()).isEqualTo("generic");
        assertThat(next.mapping().path(Field.TOKENS).text()).isEqualTo("ntok");
    }

    @Test
    void aMappingThatReadsNothingSaysWhy() throws Exception {
        Path file = Files.copy(PER_SAMPLE, dir.resolve("lab_eval.jsonl"));
        MappingDialogModel mapping =
                importing.mappingFor(dialogFor(file).rows().get(0).planned());
        mapping.load();
        mapping.path(Field.TOKENS).set("prompt");
        assertThat(mapping.problemProperty().get())
                .isEqualTo("No record can be read this way: line 1: expected a whole number, got \"What is 2 + 5?\"");
        assertThat(mapping.preview()).isEmpty();
        mapping.path(Field.TOKENS).set("");
        mapping.path(Field.TRACE).set("");
        assertThat(mapping.problemProperty().get())
                .isEqualTo("a mapping needs 'trace', the field holding the generated text");
        assertThat(mapping.mapping()).isEmpty();
        mapping.path(Field.TRACE).set("answers..x");
        assertThat(mapping.problemProperty().get()).contains("has an empty part");
    }

    @Test
    void aFileImportedBeforeIsOfferedAgainWithTheSameChoices() {
        ImportDialogModel first = dialogFor(SAMPLE);
        importing.start(first.imports());
        List<List<FileImport>> offered = new ArrayList<>();
        importing.alreadyImportedProperty().addListener((observable, before, files) -> offered.add(files));

        ImportDialogModel second = dialogFor(SAMPLE);
        second.attribute(RunAttribute.SEED).set("2");
        importing.start(second.imports());
        assertThat(runs()).hasSize(1);
        assertThat(offered)
                .singleElement()
                .satisfies(files -> assertThat(files)
                        .singleElement()
                        .satisfies(
                                file -> assertThat(file.options().attributes()).containsEntry("seed", "2")));
        assertThat(notices).isEmpty();

        importing.importAgain(offered.get(0));
        assertThat(runs()).hasSize(2);
        assertThat(runs().get(1).run().params()).containsEntry("seed", "2");
    }

    @Test
    void aFailedFileIsReportedAndTheOthersStillImport() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));
        Path broken = Files.writeString(
                dir.resolve("broken.jsonl"), Files.readString(SAMPLE) + "{\"type\": \"sample\", \"problem\"\n");
        ImportDialogModel dialog = dialogFor(empty, broken);
        assertThat(dialog.rows().get(0).includeProperty().get()).isFalse();
        assertThat(dialog.rows().get(0).status()).isEqualTo("the file is empty");

        importing.start(dialog.imports());

        assertThat(runs())
                .singleElement()
                .satisfies(summary -> assertThat(summary.samples()).isEqualTo(24));
        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.title()).isEqualTo("Import finished with problems");
            assertThat(notice.message())
                    .contains("Imported tiny-arith best-of-4: 6 problems, 24 samples; 1 record skipped:", "line 32");
        });
    }
}
