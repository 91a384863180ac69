package dev.ponder.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.analysis.CurvePoint;
import dev.ponder.core.analysis.FirstFigures;
import dev.ponder.core.analysis.RunStats;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.RecordingContext;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import commits a run's rows and figures first and its search index after: the figures shown then are the figures
 * of the complete run, and a cancel at any stage leaves a workspace that opens, with each run whole or absent.
 */
class FiguresFirstTest {
    private static final int PROBLEMS = 60;
    private static final int SAMPLES = 12;

    @TempDir
    Path dir;

    @Test
    void theFiguresOfARunJustCommittedAreTheFiguresOfTheRunIndexedAndComplete() throws Exception {
        Path file = lmEvalFile(dir.resolve("samples_arith_2026-12-02T05-00-00.jsonl"));
        StatsOptions options = StatsOptions.DEFAULT;
        FirstFigures first;
        RunStats early;
        try (WorkspaceServices services = services("early.ponder")) {
            ImportResult result = services.imports().importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
            assertThat(services.search().unindexedRuns()).containsExactly(result.runId());
            first = services.analysis().firstFigures(result.runId(), options);
            early = services.analysis()
                    .report(result.runId(), options, null, true, false, TaskContext.NONE)
                    .stats();
            services.search().indexPending(TaskContext.NONE);
            assertThat(services.search().unindexedRuns()).isEmpty();
            assertThat(services.search().find("carry", 1000)).hasSize(PROBLEMS * SAMPLES / 2);
        }
        RunStats complete;
        try (WorkspaceServices services = services("complete.ponder")) {
            ImportResult result = services.imports().importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
            services.search().indexPending(TaskContext.NONE);
            complete = services.analysis()
                    .report(result.runId(), options, null, true, false, TaskContext.NONE)
                    .stats();
        }
        assertThat(early).isEqualTo(complete);
        assertThat(first.samples()).isEqualTo(PROBLEMS * SAMPLES);
        assertThat(first.problems()).isEqualTo(PROBLEMS);
        assertThat(first.accuracy()).isEqualTo(complete.accuracy().mean());
        assertThat(first.passAtK()).extracting(CurvePoint::value).containsExactlyElementsOf(values(complete.passAtK()));
        assertThat(first.majorityFirstK())
                .extracting(CurvePoint::value)
                .containsExactlyElementsOf(values(complete.majority().firstK()));
        assertThat(first.accuracy()).isBetween(0.2, 0.8);
    }

    @Test
    void aCancelAtEveryStageLeavesAWorkspaceThatOpensWithEachRunWholeOrAbsent() throws Exception {
        Path file = lmEvalFile(dir.resolve("samples_arith_2026-12-02T05-00-00.jsonl"));
        Path workspace = dir.resolve("w.ponder");
        try (WorkspaceServices services = WorkspaceServices.create(workspace, home())) {
            assertThatThrownBy(() -> services.imports()
                            .importFile(file, ImportOptions.DEFAULT, RecordingContext.cancelledAfterReports(1)))
                    .isNotNull();
            assertThat(services.runs().summaries()).isEmpty();
        }
        long runId;
        try (WorkspaceServices services = WorkspaceServices.open(workspace, home())) {
            assertThat(services.runs().summaries()).isEmpty();
            runId = services.imports()
                    .importFile(file, ImportOptions.DEFAULT, TaskContext.NONE)
                    .runId();
            RecordingContext cancelled = RecordingContext.cancelledAfterReports(1);
            assertThatThrownBy(() -> services.search().indexPending(cancelled)).isNotNull();
            assertThat(services.search().unindexedRuns()).containsExactly(runId);
        }
        try (WorkspaceServices services = WorkspaceServices.open(workspace, home())) {
            assertThat(services.search().unindexedRuns()).containsExactly(runId);
            assertThat(services.analysis()
                            .firstFigures(runId, StatsOptions.DEFAULT)
                            .samples())
                    .isEqualTo(PROBLEMS * SAMPLES);
            assertThat(services.search().find("carry", 1000))
                    .as("a search indexes what the cancel left unindexed")
                    .hasSize(PROBLEMS * SAMPLES / 2);
            assertThat(services.search().unindexedRuns()).isEmpty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(".ponder-index-"));
        }
    }

    private WorkspaceServices services(String name) {
        return WorkspaceServices.create(dir.resolve(name), home());
    }

    private PonderHome home() {
        return new PonderHome(dir.resolve("home"));
    }

    private static List<Double> values(List<CurvePoint> points) {
        return points.stream().map(CurvePoint::value).toList();
    }

    /**
     * lm-eval samples of arithmetic problems, {@value #SAMPLES} answers each: right with a chance that differs by
     * problem, wrong answers drawn from a few (so votes split and tie), half of the traces saying "carry".
     */
    private static Path lmEvalFile(Path file) throws IOException {
        Random random = new Random(11);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int p = 0; p < PROBLEMS; p++) {
                int gold = 100 + p;
                double right = (p % 10) / 10.0;
                StringBuilder resps = new StringBuilder();
                for (int s = 0; s < SAMPLES; s++) {
                    int answer = random.nextDouble() < right ? gold : gold + 1 + random.nextInt(3);
                    String trace = "<think>\\nAdd the units" + (s % 2 == 0 ? ", then the carry" : "")
                            + ".\\n</think>\\n\\nThe answer is $\\\\boxed{" + answer + "}$.";
                    resps.append(s == 0 ? "" : ",").append("\"").append(trace).append("\"");
                }
                out.write("{\"doc_id\": " + p + ", \"doc\": {\"problem\": \"What is " + p + " + 100?\", \"answer\": \""
                        + gold + "\"}, \"target\": \"" + gold + "\", \"resps\": [[" + resps + "]], "
                        + "\"filtered_resps\": [\"" + gold + "\"]}\n");
            }
        }
        return file;
    }
}
