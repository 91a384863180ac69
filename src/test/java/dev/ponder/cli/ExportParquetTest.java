package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code export-run --format parquet}: the per-sample columns, read by DuckDB as they are, and back into the figures. */
class ExportParquetTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    @Test
    void theColumnsGoOutAsParquetAndComeBackAsTheSameFigures() throws Exception {
        String workspace = cli.importInto(
                dir, Path.of("sample-runs/tiny-reasoner-best-of-16.jsonl").toAbsolutePath());
        Path parquet = dir.resolve("out").resolve("best-of-16.parquet");
        Files.createDirectories(parquet.getParent());
        assertThat(cli.run("export-run", "1", "--format", "parquet", "--out", parquet.toString(), "-w", workspace))
                .as(cli.err())
                .isZero();
        assertThat(Files.list(parquet.getParent())).containsExactly(parquet);

        // what pandas or DuckDB sees: one row per sample with its problem, answer and verdict
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                ResultSet rows = duckdb.createStatement()
                        .executeQuery("SELECT count(*), count(DISTINCT problem), avg(CAST(correct AS INTEGER)), "
                                + "min(ponder_columns) FROM read_parquet('" + parquet + "')")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(3200);
            assertThat(rows.getLong(2)).isEqualTo(200);
            assertThat(rows.getDouble(3)).isBetween(0.2, 0.3);
            assertThat(rows.getInt(4)).isEqualTo(1);
        }

        cli.clearOut();
        assertThat(cli.run("import", parquet.toString(), "-w", workspace))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("3,200 samples");
        JsonNode original = stats(workspace, "1");
        JsonNode again = stats(workspace, "2");
        for (String figure : new String[] {"accuracy", "pass_at_k", "maj_at_k", "best_of_n", "problems", "samples"}) {
            assertThat(again.get(figure)).as(figure).isEqualTo(original.get(figure));
        }
    }

    private JsonNode stats(String workspace, String run) throws Exception {
        cli.clearOut();
        assertThat(cli.run("stats", run, "--json", "--no-overthinking", "-w", workspace))
                .as(cli.err())
                .isZero();
        return new ObjectMapper().readTree(cli.out());
    }
}
