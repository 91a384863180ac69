package dev.ponder.core.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ponder against the notebook a researcher would write instead, on the same file in the same run: the pandas cell
 * of {@code src/bench/python/first_figures.py} (load, extract the boxed answer, grade, pass@k, first-k maj@k), then
 * Ponder's command line as a researcher runs it, each command a process of its own with {@code -Xmx512m}: {@code ponder
 * import}, timed to the moment it prints the run's first figures and to its end (the traces searchable), then {@code
 * ponder stats --no-overthinking} twice (the full figures worked out, then read back). Checks that both give the same
 * accuracy, pass@k and maj@k, and prints each side's times, the ratio and the workspace's size against the file's.
 * Without pandas the pandas half is skipped, and said.
 */
public final class FirstFiguresBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CELL = Path.of("src/bench/python/first_figures.py");

    private FirstFiguresBenchmark() {}

    public static void run(BenchSize size, Path directory, String python, boolean window, PrintWriter out)
            throws IOException, InterruptedException {
        Path file = ImportBenchmark.input(size, SyntheticRuns.Format.LM_EVAL, directory);
        out.printf(
                Locale.ROOT,
                "%s: %,.1f MB of lm-eval --log_samples JSONL, %d cores, Ponder at -Xmx512m%n",
                file,
                Files.size(file) / 1e6,
                Runtime.getRuntime().availableProcessors());
        out.flush();
        JsonNode pandas = null;
        double pandasSeconds = Double.NaN;
        if (!hasPandas(python)) {
            out.println("pandas: not installed for " + python + ", so the notebook half is skipped "
                    + "(install python3-pandas or pip install pandas to run it)");
        } else {
            long started = System.nanoTime();
            Process cell = new ProcessBuilder(python, CELL.toString(), file.toString(), "--json")
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String printed = new String(cell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (cell.waitFor() != 0) {
                throw new IOException("the pandas cell failed");
            }
            pandasSeconds = BenchProcesses.seconds(started);
            pandas = JSON.readTree(printed);
            out.printf(
                    Locale.ROOT,
                    "pandas cell   read + grade %.1f s, figures %.1f s: first figures %.1f s (process %.1f s)%n",
                    pandas.get("read_and_grade_seconds").asDouble(),
                    pandas.get("figures_seconds").asDouble(),
                    pandas.get("read_and_grade_seconds").asDouble()
                            + pandas.get("figures_seconds").asDouble(),
                    pandasSeconds);
            out.flush();
        }
        Path home = Files.createTempDirectory(directory, "first-figures-");
        Path workspace = home.resolve("w.ponder");
        List<Double> figuresAt = new ArrayList<>();
        double importSeconds = BenchProcesses.ponderTimed(
                home,
                line -> line.strip().startsWith("maj@k"),
                figuresAt,
                "import",
                file.toString(),
                "-w",
                workspace.toString());
        if (figuresAt.isEmpty()) {
            throw new IOException("ponder import printed no figures");
        }
        long statsStarted = System.nanoTime();
        JsonNode stats = JSON.readTree(
                BenchProcesses.ponder(home, "stats", "1", "-w", workspace.toString(), "--no-overthinking", "--json"));
        double statsSeconds = BenchProcesses.seconds(statsStarted);
        long againStarted = System.nanoTime();
        BenchProcesses.ponder(home, "stats", "1", "-w", workspace.toString(), "--no-overthinking", "--json");
        double againSeconds = BenchProcesses.seconds(againStarted);
        double ponderSeconds = figuresAt.get(0);
        long workspaceBytes = Files.size(workspace);
        out.printf(
                Locale.ROOT,
                "Ponder CLI    import: first figures printed %.1f s, searchable and done %.1f s (one process); "
                        + "full figures (first stats) %.1f s, stats again %.1f s (each a whole process)%n",
                figuresAt.get(0),
                importSeconds,
                statsSeconds,
                againSeconds);
        out.printf(
                Locale.ROOT,
                "workspace     %,.1f MB, %.2f× the file%n",
                workspaceBytes / 1e6,
                workspaceBytes / (double) Files.size(file));
        if (pandas != null) {
            out.println(compare(pandas.get("figures"), stats));
            out.printf(
                    Locale.ROOT,
                    "time to first figures: pandas %.1f s, Ponder %.1f s: Ponder takes %.2f× the notebook's time "
                            + "(the goal: 0.20×)%n",
                    pandasSeconds,
                    ponderSeconds,
                    ponderSeconds / pandasSeconds);
        }
        out.flush();
        if (window) {
            JsonNode timed = JSON.readTree(BenchProcesses.windowTiming(
                    home.resolve("window"),
                    file.toString(),
                    home.resolve("window").toString(),
                    stats.get("problems").asText()));
            out.printf(
                    Locale.ROOT,
                    "window        overview with the run's figures %.1f s after the file was chosen; the run's problems "
                            + "table %.1f s after the window opened on its workspace (headless, Monocle)%n",
                    timed.get("overview_seconds").asDouble(),
                    timed.get("problems_table_seconds").asDouble());
            out.flush();
        }
        BenchProcesses.deleteFolder(home);
    }

    /** Whether both sides give the same figures: accuracy, pass@k and first-k maj@k at every k. */
    static String compare(JsonNode pandas, JsonNode stats) {
        List<String> differences = new ArrayList<>();
        check(
                differences,
                "accuracy",
                pandas.get("accuracy").asDouble(),
                stats.get("accuracy").get("value").asDouble());
        int ks = 0;
        for (JsonNode point : stats.get("pass_at_k")) {
            String k = point.get("k").asText();
            check(
                    differences,
                    "pass@" + k,
                    pandas.get("pass_at_k").get(k).asDouble(),
                    point.get("value").asDouble());
            ks++;
        }
        for (JsonNode point : stats.get("maj_at_k").get("first_k")) {
            String k = point.get("k").asText();
            check(
                    differences,
                    "maj@" + k,
                    pandas.get("maj_at_k_first").get(k).asDouble(),
                    point.get("value").asDouble());
        }
        return differences.isEmpty()
                ? "same figures: accuracy, pass@k and first-k maj@k at " + ks + " k equal to 1e-9"
                : "DIFFERENT figures: " + String.join("; ", differences);
    }

    private static void check(List<String> differences, String what, double pandas, double ponder) {
        if (Math.abs(pandas - ponder) > 1e-9) {
            differences.add(String.format(Locale.ROOT, "%s pandas %.6f, Ponder %.6f", what, pandas, ponder));
        }
    }

    private static boolean hasPandas(String python) {
        try {
            Process probe = new ProcessBuilder(python, "-c", "import pandas")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
