package dev.ponder.core.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An Inspect {@code .eval}'s figures, as its own viewer shows them first (Inspect reads the log's header and
 * per-sample summaries: 0.5 s to its list on a 16,000-sample log, the measurement): {@code ponder import}
 * timed to the figures it prints from the summaries, to the run committed with its figures and to its end; then the
 * window, from choosing the file to those figures in its status line.
 */
public final class InspectFiguresBenchmark {
    private InspectFiguresBenchmark() {}

    public static void run(BenchSize size, Path directory, boolean window, PrintWriter out)
            throws IOException, InterruptedException {
        Path file = ImportBenchmark.input(size, SyntheticRuns.Format.INSPECT, directory);
        out.printf(
                Locale.ROOT,
                "%s: %,.1f MB Inspect log of %,d samples, %d cores, Ponder at -Xmx512m%n",
                file,
                Files.size(file) / 1e6,
                size.samples(),
                Runtime.getRuntime().availableProcessors());
        out.flush();
        Path home = Files.createTempDirectory(directory, "inspect-figures-");
        try {
            List<Double> figuresAt = new ArrayList<>();
            double total = BenchProcesses.ponderTimed(
                    home,
                    line -> line.strip().startsWith("accuracy"),
                    figuresAt,
                    "import",
                    file.toString(),
                    "-w",
                    home.resolve("w.ponder").toString());
            if (figuresAt.size() < 2) {
                throw new IOException("ponder import did not print the figures from the summaries and the run's");
            }
            out.printf(
                    Locale.ROOT,
                    "Ponder CLI    import: figures from the summaries printed %.1f s, the run committed with its "
                            + "figures %.1f s, searchable and done %.1f s (one process, JVM start included)%n",
                    figuresAt.get(0),
                    figuresAt.get(1),
                    total);
            out.flush();
            if (window) {
                String timed = BenchProcesses.windowTiming(
                        home.resolve("window"),
                        "--summaries",
                        file.toString(),
                        home.resolve("window").toString());
                out.printf(
                        Locale.ROOT,
                        "window        figures from the summaries %.2f s after the file was chosen (headless, Monocle)%n",
                        new ObjectMapper()
                                .readTree(timed)
                                .get("summaries_seconds")
                                .asDouble());
                out.flush();
            }
        } finally {
            BenchProcesses.deleteFolder(home);
        }
    }
}
