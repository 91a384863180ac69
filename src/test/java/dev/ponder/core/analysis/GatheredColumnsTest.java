package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.SampleRuns;
import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columns an import gathers as it writes a run's samples are, byte for byte, the columns read back from the sample
 * table: whatever the order of the file, its rounds, budgets, duplicates or problems seen in earlier runs.
 */
class GatheredColumnsTest {
    @TempDir
    Path dir;

    @Test
    void everySampleRunsGatheredColumnsAreItsColumnsReadFromTheTable() {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            List<ImportResult> imported = SampleRuns.importAll(workspace, TaskContext.NONE);
            assertThat(imported).hasSizeGreaterThan(10);
            for (ImportResult result : imported) {
                for (long runId : result.runIds()) {
                    assertGatheredAsRead(workspace, runId);
                }
            }
        }
    }

    @Test
    void aShuffledFileOfRoundsAndDuplicatesOverKnownProblemsIsGatheredAsRead() throws Exception {
        List<String> records = new ArrayList<>();
        Random random = new Random(5);
        for (int p = 0; p < 30; p++) {
            for (int round = 1; round <= 2; round++) {
                for (int s = 0; s < 6; s++) {
                    int answer = random.nextInt(4);
                    records.add("{\"problem_id\": \"p" + p + "\", \"question\": \"q" + p + "\", \"gold\": \"2\", "
                            + "\"round\": " + round + ", \"index\": " + s + ", \"score\": " + random.nextDouble()
                            + ", \"tokens\": " + (100 + random.nextInt(900)) + ", \"finish_reason\": \""
                            + (random.nextInt(5) == 0 ? "length" : "stop") + "\", \"trace\": \"so \\\\boxed{"
                            + answer + "}\"}");
                }
            }
        }
        records.add(records.get(3)); // a duplicate, skipped
        Collections.shuffle(records, random);
        Path file = Files.write(dir.resolve("rounds.jsonl"), records);
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            SampleRuns.importAll(workspace, TaskContext.NONE); // earlier problems with lower ids
            ImportResult result = new Importer(workspace)
                    .importFile(file, ImportOptions.DEFAULT.withMapping(mapping()), TaskContext.NONE);
            assertThat(result.samples()).isEqualTo(360);
            assertGatheredAsRead(workspace, result.runId());
        }
    }

    private static FieldMapping mapping() {
        Map<FieldMapping.Field, JsonPath> paths = new java.util.EnumMap<>(FieldMapping.Field.class);
        for (String field :
                List.of("problem", "question", "gold", "round", "index", "score", "tokens", "finish_reason", "trace")) {
            paths.put(FieldMapping.Field.parse(field), JsonPath.parse(field.equals("problem") ? "problem_id" : field));
        }
        return new FieldMapping(FieldMapping.Layout.SAMPLES, null, paths);
    }

    private static void assertGatheredAsRead(Workspace workspace, long runId) {
        byte[] kept = workspace.read(tables -> tables.analysisRows().cached(runId, RunData.COLUMNS, "v1"));
        if (RunData.read(workspace, runId, null).samples() == 0) {
            return; // a search tree's run: no samples, no columns
        }
        assertThat(kept).as("run " + runId + "'s columns kept by its import").isNotNull();
        byte[] gathered = ColumnsCodec.encode(RunData.columns(workspace, runId));
        byte[] read = ColumnsCodec.encode(RunData.read(workspace, runId, null));
        assertThat(gathered).as("run " + runId).isEqualTo(read);
    }
}
