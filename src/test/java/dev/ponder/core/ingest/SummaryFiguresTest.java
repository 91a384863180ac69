package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponder.core.analysis.CurvePoint;
import dev.ponder.core.analysis.FirstFigures;
import dev.ponder.core.analysis.RunData;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.ingest.json.Json;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Inspect log's first figures from its summaries, before a sample is read, are the figures of the run its import
 * makes: finished logs and logs still being written, answers given or not.
 */
class SummaryFiguresTest {
    private static final int PROBLEMS = 25;
    private static final int EPOCHS = 5;

    @TempDir
    Path dir;

    @Test
    void theSummariesOfAFinishedLogGiveTheFiguresOfItsImportedRun() throws Exception {
        Path log = InspectArchives.writeWithSummaries(dir.resolve("done.eval"), log(true), false, 0);
        FirstFigures early = SummaryFigures.of(log, ImportOptions.DEFAULT, StatsOptions.DEFAULT)
                .orElseThrow();
        FirstFigures imported = imported(log);
        assertThat(early.samples()).isEqualTo(PROBLEMS * EPOCHS);
        assertThat(early.problems()).isEqualTo(PROBLEMS);
        assertThat(early.accuracy()).isEqualTo(imported.accuracy()).isBetween(0.2, 0.8);
        assertThat(values(early.passAtK())).isEqualTo(values(imported.passAtK()));
        assertThat(values(early.majorityFirstK())).isEqualTo(values(imported.majorityFirstK()));
        assertThat(early.majorityFirstK()).isNotEmpty();
    }

    @Test
    void aLogStillBeingWrittenIsReadFromItsJournalOfSummaries() throws Exception {
        Path log = InspectArchives.writeWithSummaries(dir.resolve("running.eval"), log(true), true, 7);
        FirstFigures early = SummaryFigures.of(log, ImportOptions.DEFAULT, StatsOptions.DEFAULT)
                .orElseThrow();
        Path finished = InspectArchives.writeWithSummaries(dir.resolve("done.eval"), log(true), false, 0);
        assertThat(early)
                .isEqualTo(SummaryFigures.of(finished, ImportOptions.DEFAULT, StatsOptions.DEFAULT)
                        .orElseThrow());
    }

    @Test
    void withoutTheAnswersInTheScoresMajKIsLeftOutAndTheRestStillMatches() throws Exception {
        Path log = InspectArchives.writeWithSummaries(dir.resolve("bare.eval"), log(false), false, 0);
        FirstFigures early = SummaryFigures.of(log, ImportOptions.DEFAULT, StatsOptions.DEFAULT)
                .orElseThrow();
        FirstFigures imported = imported(log);
        assertThat(early.majorityFirstK()).isEmpty();
        assertThat(early.accuracy()).isEqualTo(imported.accuracy());
        assertThat(values(early.passAtK())).isEqualTo(values(imported.passAtK()));
    }

    @Test
    void filesWithoutSummariesGiveNoEarlyFigures() throws Exception {
        Path noSummaries = InspectArchives.writeZstd(dir.resolve("old.eval"), log(true));
        assertThat(SummaryFigures.of(noSummaries, ImportOptions.DEFAULT, StatsOptions.DEFAULT))
                .isEmpty();
        Path lmEval = java.nio.file.Files.writeString(
                dir.resolve("samples_arith_2026-01-01T00-00-00.jsonl"),
                "{\"doc_id\": 0, \"doc\": {\"question\": \"1+1?\"}, \"target\": \"2\", \"resps\": [[\"\\\\boxed{2}\"]], "
                        + "\"filtered_resps\": [\"2\"]}\n");
        assertThat(SummaryFigures.of(lmEval, ImportOptions.DEFAULT, StatsOptions.DEFAULT))
                .isEqualTo(Optional.empty());
    }

    @Test
    void anEvalImportTellsHowFarThroughTheFileItIsAsItReadsTheSamples() throws Exception {
        Path log = InspectArchives.writeWithSummaries(dir.resolve("big.eval"), log(true, 80, 20), false, 0);
        long size = java.nio.file.Files.size(log);
        dev.ponder.core.task.RecordingContext progress = dev.ponder.core.task.RecordingContext.neverCancelled();
        try (Workspace workspace = Workspace.create(dir.resolve("progress.ponder"))) {
            new Importer(workspace).importFile(log, ImportOptions.DEFAULT, progress);
        }
        List<Long> done = progress.reports().stream()
                .map(dev.ponder.core.task.RecordingContext.Report::done)
                .toList();
        assertThat(done).hasSizeGreaterThan(4).isSorted();
        assertThat(done.get(done.size() / 2)).as("half way through the samples").isBetween(size / 5, size * 4 / 5);
        assertThat(done.get(done.size() - 1)).isEqualTo(size);
    }

    private FirstFigures imported(Path log) {
        try (Workspace workspace = Workspace.create(dir.resolve(log.getFileName() + ".ponder"))) {
            long runId = new Importer(workspace)
                    .importFile(log, ImportOptions.DEFAULT, TaskContext.NONE)
                    .runId();
            return FirstFigures.of(RunData.columns(workspace, runId), StatsOptions.DEFAULT);
        }
    }

    private static List<Double> values(List<CurvePoint> points) {
        return points.stream().map(CurvePoint::value).toList();
    }

    /**
     * An Inspect log of {@value #PROBLEMS} problems × {@value #EPOCHS} epochs: a boxed answer in each text, right with
     * a chance that differs by problem, wrong answers from a few (votes split and tie); the match score's verdict, and
     * its answer when {@code answers}.
     */
    private static String log(boolean answers) {
        return log(answers, PROBLEMS, EPOCHS);
    }

    private static String log(boolean answers, int problems, int epochs) {
        Random random = new Random(3);
        ObjectNode log = Json.MAPPER.createObjectNode().put("version", 2).put("status", "success");
        log.putObject("eval")
                .put("task", "arith")
                .put("model", "m")
                .put("eval_id", "e1")
                .putObject("config")
                .put("epochs", epochs);
        ArrayNode samples = log.putArray("samples");
        for (int p = 0; p < problems; p++) {
            int gold = 40 + p;
            for (int e = 1; e <= epochs; e++) {
                int answer = random.nextInt(5) < p % 5 ? gold : gold + 1 + random.nextInt(2);
                ObjectNode sample = samples.addObject()
                        .put("id", p + 1)
                        .put("epoch", e)
                        .put("input", "What is " + p + " + 40?")
                        .put("target", String.valueOf(gold));
                ObjectNode output = sample.putObject("output");
                output.putArray("choices")
                        .addObject()
                        .putObject("message")
                        .put("role", "assistant")
                        .put("content", "Add them: " + p + " + 40. So \\boxed{" + answer + "}.");
                output.putObject("usage").put("output_tokens", 20 + e);
                ObjectNode score =
                        sample.putObject("scores").putObject("match").put("value", answer == gold ? "C" : "I");
                if (answers) {
                    score.put("answer", String.valueOf(answer));
                }
            }
        }
        return log.toString();
    }
}
