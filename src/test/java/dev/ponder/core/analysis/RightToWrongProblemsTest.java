package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The problems table lists the problems a multi-round run talked itself out of: right in a round, wrong the next. */
class RightToWrongProblemsTest {
    @TempDir
    Path dir;

    @Test
    void theFilterKeepsExactlyTheProblemsWithASampleTurnedWrong() {
        try (WorkspaceServices workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir))) {
            workspace
                    .imports()
                    .importFile(
                            Path.of("sample-runs/tiny-r1-synthetic-rounds-3.jsonl"),
                            ImportOptions.DEFAULT,
                            TaskContext.NONE);
        }
        try (Workspace workspace = Workspace.open(dir.resolve("w.ponder"))) {
            long runId = workspace
                    .read(tables -> tables.runs().summaries())
                    .get(0)
                    .run()
                    .id();
            List<ProblemRow> rows = ProblemTable.load(workspace, runId);

            MultiRound rounds = MultiRound.of(workspace, runId, null, 0, 0);
            long[] turnedSamples = rounds.flows().stream()
                    .flatMapToLong(flow -> Arrays.stream(flow.rightToWrongSamples()))
                    .toArray();
            assertThat(turnedSamples).isNotEmpty();
            long[] expected = workspace.read(tables -> tables.samples().problemsOf(turnedSamples));

            ProblemFilter turned = new ProblemFilter("", null, 0, null, null, false, null, true);
            assertThat(rows.stream()
                            .filter(turned)
                            .mapToLong(ProblemRow::problemId)
                            .sorted()
                            .toArray())
                    .containsExactly(expected);
            assertThat(rows.stream().filter(turned).count()).isLessThan(rows.size());
            assertThat(turned.parts()).extracting(ProblemFilter.Part::label).containsExactly("turned right → wrong");
            assertThat(ProblemFilter.fromJson(turned.toJson())).isEqualTo(turned);
        }
    }
}
