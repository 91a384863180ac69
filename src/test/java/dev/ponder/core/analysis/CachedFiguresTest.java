package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.Grading;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's figures asked for again come from the workspace, equal to the last digit, and go when the run changes. */
class CachedFiguresTest {
    @TempDir
    Path dir;

    @Test
    void figuresAskedForAgainAreReadBackEqualAndDroppedWhenTheRunIsRegraded() throws Exception {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = new Importer(workspace)
                    .importFile(
                            Path.of("sample-runs/tiny-reasoner-best-of-16.jsonl"),
                            ImportOptions.DEFAULT,
                            TaskContext.NONE)
                    .runId();
            StatsOptions options = StatsOptions.DEFAULT;
            RunStats computed = RunStats.of(RunData.columns(workspace, runId), null, options);
            RunStats first = RunData.figures(workspace, runId, null, options);
            assertThat(first).isEqualTo(computed);
            assertThat(kept(workspace, runId, options)).isTrue();
            RunStats again = RunData.figures(workspace, runId, null, options);
            assertThat(again).isEqualTo(computed);
            // other options are other figures
            StatsOptions fewer = options.withKs(List.of(1, 4));
            assertThat(RunData.figures(workspace, runId, null, fewer).ks()).containsExactly(1, 4);
            // overthinking too: worked out from the facts once, then read back equal
            dev.ponder.core.trace.ReflectionMarkers markers = dev.ponder.core.trace.ReflectionMarkers.DEFAULT;
            Overthinking fromFacts = Overthinking.of(RunData.efficiency(workspace, runId, markers, TaskContext.NONE));
            assertThat(RunData.overthinking(workspace, runId, markers, null, TaskContext.NONE))
                    .isEqualTo(fromFacts);
            assertThat(RunData.overthinking(workspace, runId, markers, null, TaskContext.NONE))
                    .isEqualTo(fromFacts);
            // a regrade drops what was kept
            Regrader.regrade(workspace, runId, Grading.parse("exact"), TaskContext.NONE);
            assertThat(kept(workspace, runId, options)).isFalse();
            assertThat(RunData.figures(workspace, runId, null, options))
                    .isEqualTo(RunStats.of(RunData.columns(workspace, runId), null, options));
        }
    }

    private static boolean kept(Workspace workspace, long runId, StatsOptions options) {
        byte[] data = workspace.read(
                tables -> tables.analysisRows().cached(runId, RunData.FIGURES, "v1:" + options.figuresKey()));
        return data != null;
    }
}
