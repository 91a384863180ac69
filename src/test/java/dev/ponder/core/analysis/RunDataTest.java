package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.Problem;
import dev.ponder.core.store.Fixtures;
import dev.ponder.core.store.RawSql;
import dev.ponder.core.store.RunWriter;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDataTest {
    @TempDir
    Path dir;

    @Test
    void columnsSurviveTheCodecUnchanged() {
        RunColumns run = Runs.of("12:1:0.5:100 12:1:0.2:80 7:0:-:40! -:?", "x:0:0.9:10", "");
        RunColumns back = ColumnsCodec.decode(ColumnsCodec.encode(run));

        assertThat(back.problemIds).containsExactly(run.problemIds);
        assertThat(back.start).containsExactly(run.start);
        assertThat(back.sampleIds).containsExactly(run.sampleIds);
        assertThat(back.sampleIndex).containsExactly(run.sampleIndex);
        assertThat(back.correct).containsExactly(run.correct);
        assertThat(back.cluster).containsExactly(run.cluster);
        assertThat(back.score).containsExactly(run.score);
        assertThat(back.tokens).containsExactly(run.tokens);
        assertThat(back.thinkingTokens).containsExactly(run.thinkingTokens);
        assertThat(back.finished).containsExactly(run.finished);
        assertThat(back.clusterKeys).isDeepEqualTo(run.clusterKeys);
        assertThat(back.clusterAnswers).isDeepEqualTo(run.clusterAnswers);
        assertThat(back.clusterCorrect).isDeepEqualTo(run.clusterCorrect);
    }

    @Test
    void efficiencyFactsSurviveTheCodec() {
        List<SampleEfficiency> facts = List.of(
                new SampleEfficiency(100, 40, 60, 3, 2, 2, 1, 0), new SampleEfficiency(7, -1, 7, 1, 0, 0, 0, 0));
        assertThat(ColumnsCodec.decodeEfficiency(ColumnsCodec.encodeEfficiency(facts)))
                .isEqualTo(facts);
    }

    @Test
    void bytesOfAnotherVersionAreRebuiltNotMisread() {
        byte[] data = ColumnsCodec.encode(Runs.of("1:1"));
        data[3] = 99;
        assertThat(ColumnsCodec.decode(data)).isNull();
    }

    @Test
    void figuresOfARunDeletedWhileTheyWereComputedAreNotKept() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = Fixtures.writeRun(workspace, "replaced", 2, 2);
            workspace.write(tables -> tables.runs().delete(runId));
            workspace.write(tables -> {
                tables.analysisRows().cache(runId, RunData.COLUMNS, "v1", new byte[] {1});
                return null;
            });
            byte[] kept = workspace.read(tables -> tables.analysisRows().cached(runId, RunData.COLUMNS, "v1"));
            assertThat(kept).isNull();
        }
    }

    @Test
    void columnsAreBuiltOnceThenReadFromTheCache() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = Fixtures.writeRun(workspace, "cached", 3, 4);
            RunColumns first = RunData.columns(workspace, runId);

            assertThat(first.problems()).isEqualTo(3);
            assertThat(first.samples()).isEqualTo(12);
            assertThat(first.correctCount(0)).isEqualTo(2);
            assertThat(cacheRows(workspace, runId)).isEqualTo(1);

            RunColumns second = RunData.columns(workspace, runId);
            assertThat(second).isNotSameAs(first);
            assertThat(second.sampleIds).containsExactly(first.sampleIds);
        }
    }

    @Test
    void invalidatingDropsTheCacheAndAddingSamplesDoesToo() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = Fixtures.writeRun(workspace, "cached", 2, 2);
            RunData.columns(workspace, runId);
            RunData.efficiency(workspace, runId, ReflectionMarkers.DEFAULT, TaskContext.NONE);
            assertThat(cacheRows(workspace, runId)).isEqualTo(2);

            workspace.write(tables -> {
                tables.analysisRows().invalidate(runId);
                return null;
            });
            assertThat(cacheRows(workspace, runId)).isZero();
        }
    }

    @Test
    void efficiencyIsKeyedByTheMarkersUsed() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = Fixtures.writeRun(workspace, "markers", 1, 2);
            List<SampleEfficiency> standard =
                    RunData.efficiency(workspace, runId, ReflectionMarkers.DEFAULT, TaskContext.NONE);
            List<SampleEfficiency> none =
                    RunData.efficiency(workspace, runId, new ReflectionMarkers(List.of("Zebra")), TaskContext.NONE);

            assertThat(standard).hasSize(2);
            assertThat(standard.get(0).markers()).isEqualTo(2);
            assertThat(standard.get(0).thoughts())
                    .as("two in the thinking, one the answer")
                    .isEqualTo(3);
            assertThat(none.get(0).markers()).isZero();
            assertThat(cacheRows(workspace, runId)).isEqualTo(2);
            assertThat(RunData.efficiency(workspace, runId, ReflectionMarkers.DEFAULT, TaskContext.NONE))
                    .isEqualTo(standard);
        }
    }

    @Test
    void eachProblemIsAnalysedAtItsLastRound() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = workspace.write(tables -> {
                try (RunWriter writer = tables.runWriter()) {
                    long run = writer.insertRun(Fixtures.run("rounds"));
                    long twoRounds = writer.problemId(new Problem(0, "p/a", "p", "a?", "85", null));
                    long oneRound = writer.problemId(new Problem(0, "p/b", "p", "b?", "85", null));
                    int[][] rows = {{0, 0, 1}, {1, 0, 1}, {0, 1, 0}, {1, 1, 0}, {2, 1, 1}};
                    for (int[] row : rows) {
                        writer.addSample(
                                Fixtures.sample(row[0], row[1], row[2] == 1)
                                        .stored(writer.reserveSampleId(), run, twoRounds, null),
                                List.of(),
                                List.of());
                    }
                    writer.addSample(
                            Fixtures.sample(0, 0, true).stored(writer.reserveSampleId(), run, oneRound, null),
                            List.of(),
                            List.of());
                    writer.finish();
                    return run;
                }
            });
            RunColumns run = RunData.columns(workspace, runId);
            int a = run.problemOf(workspace
                    .read(tables -> tables.problems().findByKey("p/a"))
                    .orElseThrow()
                    .id());

            assertThat(run.samples()).isEqualTo(4);
            assertThat(run.size(a)).as("round 1's three samples").isEqualTo(3);
            assertThat(run.correctCount(a)).isEqualTo(1);
            assertThat(run.size(1 - a)).isEqualTo(1);
            assertThat(RunData.efficiency(workspace, runId, ReflectionMarkers.DEFAULT, TaskContext.NONE))
                    .hasSize(4);
            RunColumns single = RunData.problemColumns(workspace, runId, run.problemId(a));
            assertThat(single.sampleIds)
                    .containsExactly(java.util.Arrays.copyOfRange(run.sampleIds, run.first(a), run.first(a) + 3));
        }
    }

    private static int cacheRows(Workspace workspace, long runId) {
        Integer rows = RawSql.read(workspace, connection -> {
            try (var query = connection.prepareStatement("SELECT count(*) FROM analysis_cache WHERE run_id = ?")) {
                query.setLong(1, runId);
                try (var result = query.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        });
        return rows;
    }
}
