package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponder import} prints a run's first figures as soon as it is committed, the numbers {@code stats} gives. */
class ImportFiguresFirstTest {
    private static final Path RUN =
            Path.of("sample-runs/tiny-reasoner-best-of-16.jsonl").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    @Test
    void theImportPrintsTheRunsFirstFiguresAndTheyAreTheFiguresOfStats() throws Exception {
        String workspace = dir.resolve("w.ponder").toString();
        assertThat(cli.run("import", RUN.toString(), "-w", workspace)).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Imported tiny-reasoner-best-of-16.jsonl as run 1");
        String accuracy = lines.get(1).strip();
        String pass = lines.get(2).strip();
        String majority = lines.get(3).strip();
        cli.clearOut();

        assertThat(cli.run("stats", "1", "-w", workspace, "--no-overthinking", "--json"))
                .isZero();
        JsonNode stats = JSON.readTree(cli.out());
        assertThat(accuracy)
                .startsWith("accuracy "
                        + percent(stats.path("accuracy").path("value").asDouble()) + " over ");
        StringBuilder passExpected = new StringBuilder("pass@k ");
        for (JsonNode point : stats.path("pass_at_k")) {
            passExpected
                    .append(" ")
                    .append(point.path("k").asInt())
                    .append(": ")
                    .append(percent(point.path("value").asDouble()))
                    .append(" ");
        }
        assertThat(pass).isEqualTo(passExpected.toString().strip());
        StringBuilder majExpected = new StringBuilder("maj@k  ");
        for (JsonNode point : stats.path("maj_at_k").path("first_k")) {
            majExpected
                    .append(" ")
                    .append(point.path("k").asInt())
                    .append(": ")
                    .append(percent(point.path("value").asDouble()))
                    .append(" ");
        }
        assertThat(majority).isEqualTo(majExpected.toString().strip() + "  (first k samples)");
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }
}
