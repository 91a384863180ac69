package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.ingest.mapping.FieldMapping;
import dev.ponder.core.ingest.mapping.FieldMapping.Field;
import dev.ponder.core.ingest.mapping.FieldMapping.Layout;
import dev.ponder.core.ingest.mapping.JsonPath;
import dev.ponder.core.ingest.mapping.MappingGuess;
import dev.ponder.core.ingest.plan.FileShape;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.plan.ImportPlanner;
import dev.ponder.core.ingest.read.RunFormats;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.model.Sample;
import dev.ponder.core.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files, written here with DuckDB from the JSON fixtures, import exactly as their JSON does. */
class ParquetTest {
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

    private Path parquet(String name, String select) throws Exception {
        Path file = dir.resolve(name);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet, COMPRESSION zstd)");
        }
        return file;
    }

    private static String fixture(String name) {
        return ImportedRun.FIXTURES.resolve(name).toAbsolutePath().toString();
    }

    @Test
    void searchAndLearnParquetImportsLikeItsJson() throws Exception {
        Path file = parquet("sal.parquet", "SELECT * FROM read_json_auto('" + fixture("sal_best_of_3.jsonl") + "')");
        ImportedRun fromParquet = ImportedRun.of(workspace, file, ImportOptions.DEFAULT);
        assertThat(fromParquet.result().format()).isEqualTo("parquet");
        assertThat(fromParquet.run().params()).containsEntry("parquet_records", "search-and-learn");
        assertThat(fromParquet.result().samples()).isEqualTo(6);
        ImportedRun fromJson =
                ImportedRun.of(workspace, ImportedRun.FIXTURES.resolve("sal_best_of_3.jsonl"), ImportOptions.DEFAULT);
        assertThat(fromParquet.samples(fromParquet.problem("Compute $2^5$.")))
                .extracting(Sample::text, Sample::correct, Sample::score)
                .containsExactlyElementsOf(fromJson.samples(fromJson.problem("Compute $2^5$.")).stream()
                        .map(sample ->
                                org.assertj.core.groups.Tuple.tuple(sample.text(), sample.correct(), sample.score()))
                        .toList());
    }

    @Test
    void openR1Parquet() throws Exception {
        Path file = parquet("openr1.parquet", "SELECT * FROM read_json_auto('" + fixture("openr1_math.jsonl") + "')");
        ImportedRun run = ImportedRun.of(workspace, file, ImportOptions.DEFAULT);
        assertThat(run.run().params()).containsEntry("parquet_records", "open-r1");
        assertThat(run.samples(run.problem("Solve x + 3 = 5.")))
                .extracting(Sample::correct)
                .containsExactly(true, true, false);
    }

    @Test
    void lightevalDetailsOfTheCurrentSchema() throws Exception {
        Path file = parquet("details_math_500.parquet", """
                SELECT * FROM (VALUES
                  ({'query': 'Find 2 + 2.', 'choices': ['4'], 'gold_index': [0], 'id': '0', 'task_name': 'math_500'},
                   {'text': ['<think>2+2</think> \\boxed{4}', '\\boxed{5}'], 'reasonings': [NULL, NULL],
                    'output_tokens': [[1, 2, 3], [4, 5]]},
                   {'pass@k:k=1&n=2': 0.5}),
                  ({'query': 'Find 3 + 3.', 'choices': ['6'], 'gold_index': [0], 'id': '1', 'task_name': 'math_500'},
                   {'text': ['\\boxed{6}', '\\boxed{6}'], 'reasonings': [NULL, NULL], 'output_tokens': [[1], [2]]},
                   {'pass@k:k=1&n=2': 1.0})
                ) AS t(doc, model_response, metric)""");
        ImportedRun run = ImportedRun.of(workspace, file, ImportOptions.DEFAULT);
        assertThat(run.run().params()).containsEntry("parquet_records", "lighteval");
        assertThat(run.result().samples()).isEqualTo(4);
        var samples = run.samples(run.problem("Find 2 + 2."));
        assertThat(samples).extracting(Sample::correct).containsExactly(true, false);
        assertThat(samples).extracting(sample -> sample.tokens().total()).containsExactly(3, 2);
        assertThat(run.problem("Find 2 + 2.").goldAnswer()).isEqualTo("4");
        assertThat(run.reference(run.problem("Find 3 + 3."))).isEqualTo("{\"pass@k:k=1&n=2\":1.0}");
    }

    @Test
    void lightevalDetailsOfTheOlderFlatSchema() throws Exception {
        Path file = parquet("details_old.parquet", """
                SELECT * FROM (VALUES
                  ('Find 5 - 1.', 'Find 5 - 1.', ['4'], ['4'], {'em': 1.0}),
                  ('Find 5 - 2.', 'Find 5 - 2.', ['4'], ['3'], {'em': 0.0})
                ) AS t(example, full_prompt, predictions, gold, metrics)""");
        ImportedRun run = ImportedRun.of(workspace, file, ImportOptions.DEFAULT);
        assertThat(run.run().params()).containsEntry("parquet_records", "lighteval");
        assertThat(run.allSamples()).extracting(Sample::correct).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aParquetFileOfAnUnknownShapeReadsWithAMapping() throws Exception {
        Path file = parquet("mine.parquet", """
                SELECT * FROM (VALUES ('7 * 8?', '56', ['\\boxed{56}', '\\boxed{54}'])) AS t(q, a, outs)""");
        assertThatThrownBy(() -> ImportedRun.of(workspace, file, ImportOptions.DEFAULT))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("the Parquet rows (columns [q, a, outs]) match no format");
        ImportedRun run = ImportedRun.of(
                workspace,
                file,
                ImportOptions.DEFAULT.withMapping(new FieldMapping(
                        Layout.PROBLEMS,
                        null,
                        Map.of(
                                Field.QUESTION,
                                JsonPath.parse("q"),
                                Field.GOLD,
                                JsonPath.parse("a"),
                                Field.TRACE,
                                JsonPath.parse("outs")))));
        assertThat(run.samples(run.problem("7 * 8?")))
                .extracting(Sample::correct)
                .containsExactly(true, false);
    }

    @Test
    void aParquetFileOfAnUnknownShapeIsPlannedSampledGuessedAndPreviewedForTheMappingDialog() throws Exception {
        Path file = parquet("mine.parquet", """
                SELECT * FROM (VALUES ('7 * 8?', '56', ['\\boxed{56}', '\\boxed{54}']), ('2 + 2?', '4', ['\\boxed{4}']))
                AS t(question, gt, generations)""");
        Path known = parquet("sal.parquet", "SELECT * FROM read_json_auto('" + fixture("sal_best_of_3.jsonl") + "')");
        var plan = new ImportPlanner(RunFormats.standard(), shape -> java.util.Optional.empty())
                .plan(java.util.List.of(file, known), null, dev.ponder.core.task.TaskContext.NONE);
        assertThat(plan.get(0).mappable()).isTrue();
        assertThat(plan.get(0).shape())
                .isEqualTo(new FileShape("parquet", java.util.List.of("question", "gt", "generations")));
        assertThat(plan.get(0).problem()).contains("match no format Ponder knows");
        assertThat(plan.get(1).format()).isEqualTo("parquet");

        var rows = RecordSample.first(file, RecordSample.FILE_RECORDS, 5);
        assertThat(rows).hasSize(2);
        FieldMapping guess = MappingGuess.of(rows, null).orElseThrow();
        assertThat(guess.layout()).isEqualTo(Layout.PROBLEMS);
        assertThat(guess.path(Field.TRACE)).isEqualTo(JsonPath.parse("generations"));
        MappingPreview preview = MappingPreview.of(file, guess, 10);
        assertThat(preview.samples()).extracting(MappingPreview.Row::correct).containsExactly(true, false, true);
    }

    @Test
    void aFileThatOnlyLooksLikeParquetIsAClearError() throws Exception {
        Path file = Files.write(dir.resolve("fake.parquet"), "PAR1 but not really".getBytes());
        assertThatThrownBy(() -> ImportedRun.of(workspace, file, ImportOptions.DEFAULT))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("fake.parquet: cannot read the Parquet file:");
        assertThat(workspace.runSummaries()).isEmpty();
    }
}
