package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.SkippedRecord;
import dev.ponder.core.ingest.record.UnrecognisedFileException;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSummary;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.TreeNode;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.RecordingContext;
import dev.ponder.core.task.TaskCancelledException;
import dev.ponder.core.task.TaskContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
    private static final String HEADER =
            "{\"format\": \"ponder-run\", \"version\": 1, \"run\": {\"name\": \"fixture\", "
                    + "\"model\": \"m\", \"params\": {\"temperature\": 0.6, \"n\": 2}}}\n";

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

    @Test
    void importsTheBundledSampleRunWithItsCountsAndLabels() throws Exception {
        Path file = Path.of("sample-runs/tiny-arith-best-of-4.jsonl");
        ImportResult result = new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);

        assertThat(result.format()).isEqualTo("ponder-jsonl");
        assertThat(result.problems()).isEqualTo(6);
        assertThat(result.samples()).isEqualTo(24);
        assertThat(result.skippedCount()).isZero();
        assertThat(result.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));

        RunSummary summary = workspace.runSummaries().get(0);
        assertThat(summary.run().name()).isEqualTo("tiny-arith best-of-4");
        assertThat(summary.run().strategy()).isEqualTo("best-of-n");
        assertThat(summary.run().source().path())
                .isEqualTo(file.toAbsolutePath().toString());
        assertThat(summary.run().source().sha256()).isEqualTo(result.sha256());
        // 18 of the 24 hand-written samples reach the gold answer (checked by reading the file).
        assertThat(summary.gradedSamples()).isEqualTo(24);
        assertThat(summary.accuracy()).isEqualTo(18 / 24.0);

        Problem crates = problem("tiny-arith/0004");
        assertThat(crates.goldAnswer()).isEqualTo("648");
        List<Sample> samples = workspace.read(
                tables -> tables.samples().ofProblem(summary.run().id(), crates.id()));
        Sample cutOff = samples.get(3);
        assertThat(cutOff.truncated()).isTrue();
        assertThat(cutOff.finishReason()).isEqualTo("length");
        assertThat(cutOff.correct()).isFalse();
        assertThat(cutOff.answer().extracted()).isNull();
        assertThat(cutOff.thinking().end()).isEqualTo(cutOff.text().length());
        Sample caughtSlip = samples.get(1);
        assertThat(caughtSlip.thinkingText()).contains("Wait, 16 * 3 = 48, not 45. So 648.");
        assertThat(caughtSlip.text().substring(caughtSlip.thinking().end())).startsWith("\n</think>");
        assertThat(caughtSlip.tokens().estimated()).isTrue();
        List<Step> steps = workspace.read(tables -> tables.samples().steps(caughtSlip.id()));
        assertThat(steps)
                .hasSize(3)
                .last()
                .satisfies(step -> assertThat(step.score()).isEqualTo(caughtSlip.score()));
    }

    @Test
    void defaultsFillOnlyWhatTheFileAndTheUserLeaveUnsaid() throws Exception {
        Path file = write("{\"type\": \"sample\", \"problem\": \"p1\", \"index\": 0, \"text\": \"\\\\boxed{1}\"}\n");
        ImportOptions options = ImportOptions.DEFAULT.withAttributes(
                Map.of("seed", "3"),
                Map.of(
                        "temperature",
                        "0.9",
                        "budget",
                        "2048",
                        "seed",
                        "5",
                        "model",
                        "guess",
                        "strategy",
                        "budget-forcing"));
        ImportResult result = new Importer(workspace).importFile(file, options, TaskContext.NONE);
        Run run = workspace.read(tables -> tables.runs().find(result.runId())).orElseThrow();
        assertThat(run.model()).isEqualTo("m");
        assertThat(run.strategy()).isEqualTo("budget-forcing");
        assertThat(run.params())
                .containsEntry("temperature", "0.6")
                .containsEntry("budget", "2048")
                .containsEntry("seed", "3");
    }

    @Test
    void aFileWhoseEveryRecordIsSkippedImportsNothingAndSaysWhy() throws Exception {
        Path file = write("{\"type\": \"sample\", \"index\": 0}\n{\"type\": \"sample\", \"index\": 1}\n");
        assertThatThrownBy(() -> new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("run.jsonl: no record could be read (2 skipped; the first, line 2: ");
        Path headerOnly = write("");
        assertThatThrownBy(
                        () -> new Importer(workspace).importFile(headerOnly, ImportOptions.DEFAULT, TaskContext.NONE))
                .hasMessage("run.jsonl: the file holds no samples or search-tree nodes");
        assertThat(workspace.runSummaries()).isEmpty();
    }

    @Test
    void aTreeOnlyRunCountsTheProblemsOfItsTrees() throws Exception {
        Path file = write("""
                {"type": "tree_node", "id": "n1", "problem": "p1", "key": "0", "visits": 2}
                {"type": "tree_node", "id": "n2", "parent": "n1", "problem": "p1", "key": "0.0", "visits": 1}
                {"type": "tree_node", "id": "m1", "problem": "p2", "key": "0", "visits": 1}
                """);
        new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
        assertThat(workspace.runSummaries()).singleElement().satisfies(summary -> {
            assertThat(summary.problems()).isEqualTo(2);
            assertThat(summary.samples()).isZero();
            assertThat(summary.treeNodes()).isEqualTo(3);
        });
    }

    @Test
    void refusesAnAttributeValueItCannotTake() {
        assertThatThrownBy(() -> ImportOptions.withAttributes(Map.of("budget", "4k")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Thinking budget must be a whole number");
    }

    @Test
    void readsEveryFieldOfTheFormat() throws Exception {
        Path file = write("""
                {"type": "problem", "key": "p1", "dataset": "d", "question": "Q?", "gold": "42", "metadata": {"level": 3}}
                {"type": "sample", "id": "a", "problem": "p1", "index": 0, "text": "<think>\\nhmm\\n</think>\\n\\\\boxed{42}", \
                "thinking": {"start": 8, "end": 11}, "answer": {"text": "\\\\boxed{42}", "extracted": "42", "key": "42"}, \
                "correct": true, "tokens": {"total": 9, "thinking": 2}, "finish_reason": "stop", "score": 0.5, "budget": 256, \
                "steps": [{"start": 8, "end": 11, "score": 0.5}], \
                "segments": [{"kind": "forced_thinking_end", "start": 11, "end": 20, "detail": "budget 2"}], "meta": {"seed": 7}}
                {"type": "sample", "problem": "p1", "index": 0, "round": 1, "parent": "a", "text": "again", "correct": null}
                {"type": "tree_node", "id": "n2", "parent": "n1", "problem": "p1", "key": "0.1", "visits": 1, "terminal": true, \
                "pruned": true, "answer": "42", "correct": true, "value": NaN}
                {"type": "tree_node", "id": "n1", "problem": "p1", "key": "0", "visits": 2, "iteration": 1, "step_text": "Let"}
                """);
        ImportResult result = new Importer(workspace)
                .importFile(
                        file,
                        ImportOptions.withAttributes(Map.of("model", "override", "group", "sweep A")),
                        TaskContext.NONE);
        assertThat(result.skipped()).isEmpty();
        assertThat(result.samples()).isEqualTo(2);
        assertThat(result.treeNodes()).isEqualTo(2);

        Run run = workspace.read(tables -> tables.runs().find(result.runId())).orElseThrow();
        assertThat(run.model()).isEqualTo("override");
        assertThat(run.params())
                .containsExactlyInAnyOrderEntriesOf(Map.of("temperature", "0.6", "n", "2", "group", "sweep A"));

        Problem problem = problem("p1");
        assertThat(problem.metadataJson()).isEqualTo("{\"level\":3}");
        List<Sample> samples = workspace.read(tables -> tables.samples().ofProblem(run.id(), problem.id()));
        Sample first = samples.get(0);
        assertThat(first.thinkingText()).isEqualTo("hmm");
        assertThat(first.answer().key()).isEqualTo("42");
        assertThat(first.tokens().total()).isEqualTo(9);
        assertThat(first.budget()).isEqualTo(256);
        assertThat(first.metaJson()).isEqualTo("{\"seed\":7}");
        List<Segment> segments = workspace.read(tables -> tables.samples().segments(first.id()));
        assertThat(segments)
                .singleElement()
                .satisfies(segment -> assertThat(segment.kind()).isEqualTo(SegmentKind.FORCED_THINKING_END));
        Sample second = samples.get(1);
        assertThat(second.round()).isEqualTo(1);
        assertThat(second.parentSampleId()).isEqualTo(first.id());
        assertThat(second.correct()).isNull();
        assertThat(second.thinking()).isNull();

        List<TreeNode> nodes = workspace.read(tables -> tables.treeNodes().ofProblem(run.id(), problem.id()));
        TreeNode root = nodes.stream()
                .filter(node -> "0".equals(node.nodeKey()))
                .findFirst()
                .orElseThrow();
        TreeNode leaf = nodes.stream()
                .filter(node -> "0.1".equals(node.nodeKey()))
                .findFirst()
                .orElseThrow();
        assertThat(leaf.parentId())
                .as("a child listed before its parent is still linked")
                .isEqualTo(root.id());
        assertThat(leaf.pruned()).isTrue();
        assertThat(leaf.value()).as("NaN is no value").isNull();
        assertThat(root.parentId()).isNull();
    }

    @Test
    void skipsBadLinesWithTheirLineNumbersAndKeepsTheRest() throws Exception {
        Path file = write("""
                {"type": "sample", "problem": "p1", "text": "fine"}
                {"type": "sample", "problem": "p1", "text": "broken
                {"type": "sample", "problem": "p1", "index": "first", "text": "x"}
                {"type": "sample", "text": "no problem key"}
                {"type": "sample", "problem": "p1", "text": "short", "thinking": {"start": 0, "end": 99}}
                {"type": "answer", "problem": "p1"}
                [1, 2, 3]

                {"type": "sample", "problem": "p1", "index": 1, "text": "also fine", "segments": [{"kind": "magic", "start": 0, "end": 1}]}
                {"type": "sample", "problem": "p2", "index": 0, "text": "fine too"}
                """);
        ImportResult result = new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
        assertThat(result.samples()).isEqualTo(2);
        assertThat(result.problems()).isEqualTo(2);
        assertThat(result.skippedCount()).isEqualTo(7);
        assertThat(result.skipped())
                .extracting(SkippedRecord::toString)
                .containsExactly(
                        "line 3: not valid JSON: it breaks off inside a text (its closing quote is missing)",
                        "line 4: 'index' must be a whole number, got \"first\"",
                        "line 5: 'problem' is missing; expected a non-empty string",
                        "line 6: the thinking span (characters 0 to 99) lies beyond the text's 5 characters",
                        "line 7: unknown 'type' \"answer\"; expected \"problem\", \"sample\", \"tree_node\" or \"problem_reference\"",
                        "line 8: expected a JSON object",
                        "line 10: unknown segment kind 'magic', expected one of [forced_thinking_end, injected_wait, "
                                + "answer_prompt, round_prompt, branch_point]");
    }

    @Test
    void aFileWithoutAHeaderIsRefusedAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("no-header.jsonl");
        Files.writeString(file, "{\"format\": \"ponder-run\", \"version\": 2}\n{\"type\": \"sample\"}\n");
        assertThatThrownBy(() -> new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessage(
                        "no-header.jsonl, line 1: Ponder run format version 2 is not supported; this Ponder reads version 1");
        assertThat(workspace.runSummaries()).isEmpty();
    }

    @Test
    void anEmptyFileIsRefused() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.jsonl"));
        assertThatThrownBy(() -> new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessage("empty.jsonl: the file is empty");
    }

    @Test
    void anUnknownFormatSaysWhatItSawAndWhatIsKnown() throws Exception {
        Path file = dir.resolve("results.csv");
        Files.writeString(file, "question,answer\n1+1,2\n");
        assertThatThrownBy(() -> new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE))
                .isInstanceOf(UnrecognisedFileException.class)
                .hasMessageContaining(
                        "results.csv: not a run file Ponder recognises (it starts with \"question,answer\")")
                .hasMessageContaining(
                        "known formats: ponder-jsonl, inspect, parquet, lm-eval, search-and-learn, skythought, "
                                + "open-r1, qwen-math, limo-eval, lighteval, openai-chat, rstar, llm-reasoners, omegaprm, tot-bfs, ponder-columns, generic")
                .hasMessageContaining("or map its fields with --map");
        assertThatThrownBy(() -> new Importer(workspace)
                        .importFile(file, ImportOptions.DEFAULT.withFormat("helm"), TaskContext.NONE))
                .hasMessageStartingWith("results.csv: unknown format 'helm'; known formats: ponder-jsonl, inspect");
    }

    @Test
    void aLineOfInvalidUtf8IsSkippedWithItsLineAndTheRestImports() throws Exception {
        Path file = dir.resolve("latin1.jsonl");
        byte[] bad = "{\"type\": \"sample\", \"problem\": \"p\", \"text\": \"caf\u00e9\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "{\"type\": \"sample\", \"problem\": \"p\", \"index\": 1, \"text\": \"ok\"}\r\n"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(HEADER.getBytes(StandardCharsets.UTF_8), bad, good));
        ImportResult result = new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
        assertThat(result.samples()).isEqualTo(1);
        assertThat(result.skipped())
                .extracting(SkippedRecord::toString)
                .containsExactly("line 2: not valid UTF-8 (bad byte 0xE9 at byte 48 of the line)");
    }

    @Test
    void aHeaderOfInvalidUtf8StopsTheImport() throws Exception {
        Path file = dir.resolve("bad-header.jsonl");
        Files.write(
                file,
                "{\"format\": \"ponder-run\", \"version\": 1, \"run\": {\"name\": \"\u00e9\"}}\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("bad-header.jsonl, line 1: the header is not valid UTF-8");
        assertThat(workspace.runSummaries()).isEmpty();
    }

    @Test
    void aParentTheFileNeverDefinesFailsTheImport() throws Exception {
        Path file = write("{\"type\": \"sample\", \"problem\": \"p\", \"text\": \"x\", \"parent\": \"ghost\"}\n");
        assertThatThrownBy(() -> new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("records refer to parents the file never defines: samples [ghost]");
        assertThat(workspace.runSummaries()).isEmpty();
    }

    @Test
    void aDuplicateIdSkipsTheSecondRecord() throws Exception {
        Path file = write("""
                {"type": "sample", "id": "a", "problem": "p", "index": 0, "text": "x"}
                {"type": "sample", "id": "a", "problem": "p", "index": 1, "text": "y"}
                """);
        ImportResult result = new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
        assertThat(result.samples()).isEqualTo(1);
        assertThat(result.skipped())
                .extracting(SkippedRecord::toString)
                .containsExactly("line 3: id \"a\" is used by an earlier record");
    }

    @Test
    void cancellingMidFileLeavesNoTraceOfTheRun() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            lines.append("{\"type\": \"sample\", \"problem\": \"p")
                    .append(i % 50)
                    .append("\", \"index\": ")
                    .append(i / 50)
                    .append(", \"text\": \"<think>step ")
                    .append(i)
                    .append("</think>\"}\n");
        }
        Path file = write(lines.toString());
        RecordingContext cancelAfterSomeProgress = RecordingContext.cancelledAfterReports(5);
        assertThatThrownBy(
                        () -> new Importer(workspace).importFile(file, ImportOptions.DEFAULT, cancelAfterSomeProgress))
                .isInstanceOf(TaskCancelledException.class);
        assertThat(cancelAfterSomeProgress.reports()).hasSize(5);
        assertThat(workspace.runSummaries()).isEmpty();
        Optional<Problem> problem = workspace.read(tables -> tables.problems().findByKey("p1"));
        assertThat(problem)
                .as("problems of the cancelled import are rolled back too")
                .isEmpty();
        try (var files = Files.list(workspace.file().getParent())) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("the search index's scratch file goes with the import")
                    .noneMatch(name -> name.startsWith(".ponder-index-"));
        }
    }

    @Test
    void reportsProgressInBytesUpToTheWholeFile() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            lines.append("{\"type\": \"sample\", \"problem\": \"p\", \"index\": ")
                    .append(i)
                    .append(", \"text\": \"t\"}\n");
        }
        Path file = write(lines.toString());
        long size = Files.size(file);
        RecordingContext context = RecordingContext.neverCancelled();
        new Importer(workspace).importFile(file, ImportOptions.DEFAULT, context);
        List<RecordingContext.Report> seen = context.reports();
        assertThat(seen)
                .hasSizeGreaterThan(1)
                .allSatisfy(report -> assertThat(report.total()).isEqualTo(size));
        assertThat(seen).extracting(RecordingContext.Report::done).isSorted();
        assertThat(seen.get(seen.size() - 1).done()).isEqualTo(size);
    }

    @Test
    void theFileNameNamesARunWithoutOne() throws Exception {
        Path file = dir.resolve("samples_gsm8k_2025-06-30T19-40-09.461247.jsonl");
        Files.writeString(
                file,
                "{\"format\": \"ponder-run\", \"version\": 1}\n{\"type\": \"sample\", \"problem\": \"p\", \"text\": \"t\"}\n");
        ImportResult result = new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
        assertThat(result.runName()).isEqualTo("samples_gsm8k_2025-06-30T19-40-09.461247");
    }

    @Test
    void theBundledSampleRunsAllImport() {
        List<ImportResult> results = SampleRuns.importAll(workspace, TaskContext.NONE);
        assertThat(results)
                .isNotEmpty()
                .allSatisfy(result -> assertThat(result.skippedCount()).isZero());
        assertThat(workspace.runSummaries()).hasSameSizeAs(results);

        List<String> said = new java.util.ArrayList<>();
        TaskContext listening = new TaskContext() {
            @Override
            public void progress(long done, long total) {}

            @Override
            public void message(String message) {
                said.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        assertThat(SampleRuns.importAll(workspace, listening)).isEmpty();
        assertThat(said)
                .as("runs already in the workspace are known by their hash, not read and imported again to find out")
                .noneMatch(message -> message.startsWith("Importing"));
    }

    private Problem problem(String key) {
        return workspace.read(tables -> tables.problems().findByKey(key)).orElseThrow();
    }

    private Path write(String records) throws Exception {
        Path file = dir.resolve("run.jsonl");
        Files.writeString(file, HEADER + records);
        return file;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
