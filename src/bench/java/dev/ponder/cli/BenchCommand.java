package dev.ponder.cli;

import dev.ponder.core.bench.BenchSize;
import dev.ponder.core.bench.ChartBenchmark;
import dev.ponder.core.bench.ImportBenchmark;
import dev.ponder.core.bench.StatsBenchmark;
import dev.ponder.core.bench.SyntheticRuns;
import dev.ponder.core.bench.WorkbenchBenchmark;
import dev.ponder.core.settings.PonderHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The benchmarks: synthetic runs at the standard sizes, and measurements on them. Not in the shipped jar; run with
 * {@code mvn -q -Pbench test -Dbench="SUBCOMMAND ..."} (docs/benchmarks.md).
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks on synthetic runs.",
        subcommands = {
            BenchCommand.Generate.class,
            BenchCommand.Import.class,
            BenchCommand.Stats.class,
            BenchCommand.Workbench.class,
            BenchCommand.Charts.class,
            BenchCommand.Trees.class,
            BenchCommand.Streaming.class,
            BenchCommand.ReplayFaults.class,
            BenchCommand.Graders.class,
            BenchCommand.Compute.class,
            BenchCommand.FirstFigures.class,
            BenchCommand.InspectFigures.class
        })
public final class BenchCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new BenchCommand()).execute(args));
    }

    static Path defaultDirectory() {
        return PonderHome.resolve().dir().resolve("bench");
    }

    /** {@code --size} and {@code --dir} of the benchmarks that time work on the workspace {@code bench stats} keeps. */
    static final class BenchRun {
        @Option(
                names = "--size",
                defaultValue = "many",
                description = "large, medium, many or small (default: ${DEFAULT-VALUE}).")
        private String size;

        @Option(
                names = "--dir",
                paramLabel = "DIR",
                description = "Where inputs and the workspace are kept (default: $PONDER_HOME/bench).")
        private Path dir;

        BenchSize size() {
            return BenchCommand.size(size);
        }

        /** The size as given, for the report. */
        String name() {
            return size;
        }

        Path directory() {
            return dir != null ? dir : defaultDirectory();
        }
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description =
                    "Write deterministic synthetic runs: large (~1 GB, 500 x 64) or many (1,000,000 short samples).")
    static final class Generate implements Callable<Integer> {
        @Option(
                names = "--size",
                defaultValue = "large",
                description = "large, medium, many or small (default: ${DEFAULT-VALUE}).")
        private String size;

        @Option(
                names = "--format",
                defaultValue = "lm-eval",
                description = "lm-eval, skythought or inspect (default: ${DEFAULT-VALUE}).")
        private String format;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Folder to write into (default: $PONDER_HOME/bench).")
        private Path out;

        @Option(names = "--seed", defaultValue = "20260101", description = "Random seed (default: ${DEFAULT-VALUE}).")
        private long seed;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            BenchSize benchSize = size(size);
            long started = System.nanoTime();
            Path file =
                    new SyntheticRuns(benchSize, seed).write(format(format), out != null ? out : defaultDirectory());
            PrintWriter printer = spec.commandLine().getOut();
            printer.printf(
                    Locale.ROOT,
                    "Wrote %s: %,d problems x %d samples, %.1f MB in %.1f s%n",
                    file.toAbsolutePath(),
                    benchSize.problems(),
                    benchSize.samplesPerProblem(),
                    Files.size(file) / 1e6,
                    (System.nanoTime() - started) / 1e9);
            printer.flush();
            return 0;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Import the standard synthetic runs into a fresh workspace and print MB/s, samples/s and the "
                        + "peak heap. Run it as: java -Xmx512m -jar target/ponder.jar bench import"
            })
    static final class Import implements Callable<Integer> {
        @Option(
                names = "--size",
                split = ",",
                defaultValue = "large,many",
                description = "Sizes to measure (default: ${DEFAULT-VALUE}).")
        private List<String> sizes;

        @Option(
                names = "--format",
                defaultValue = "lm-eval",
                description = "lm-eval, skythought or inspect (default: ${DEFAULT-VALUE}).")
        private String format;

        @Option(
                names = "--dir",
                paramLabel = "DIR",
                description = "Where inputs are generated and kept (default: $PONDER_HOME/bench).")
        private Path dir;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        private boolean json;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter printer = spec.commandLine().getOut();
            var results = JsonOutput.object().putArray("imports");
            if (!json) {
                printer.printf(
                        "%-6s %-11s %9s %10s %8s %8s %8s %12s %10s %9s %11s%n",
                        "SIZE",
                        "FORMAT",
                        "MB",
                        "SAMPLES",
                        "SECONDS",
                        "INDEX",
                        "MB/S",
                        "SAMPLES/S",
                        "PEAK HEAP",
                        "MAX HEAP",
                        "CHECKPOINT");
            }
            for (String name : sizes) {
                ImportBenchmark.Measurement m =
                        ImportBenchmark.run(size(name), format(format), dir != null ? dir : defaultDirectory());
                if (json) {
                    results.addObject()
                            .put("size", name)
                            .put("format", format)
                            .put("bytes", m.bytes())
                            .put("samples", m.samples())
                            .put("seconds", m.seconds())
                            .put("index_seconds", m.indexSeconds())
                            .put("checkpoint_seconds", m.checkpointSeconds())
                            .put("mb_per_second", m.megabytesPerSecond())
                            .put("samples_per_second", m.samplesPerSecond())
                            .put("peak_heap_bytes", m.peakHeapBytes())
                            .put("max_heap_bytes", m.maxHeapBytes());
                } else {
                    printer.printf(
                            Locale.ROOT,
                            "%-6s %-11s %9.1f %,10d %8.1f %6.1f s %8.1f %,12.0f %7d MB %6d MB %9.1f s%n",
                            name,
                            format,
                            m.bytes() / 1e6,
                            m.samples(),
                            m.seconds(),
                            m.indexSeconds(),
                            m.megabytesPerSecond(),
                            m.samplesPerSecond(),
                            m.peakHeapBytes() >> 20,
                            m.maxHeapBytes() >> 20,
                            m.checkpointSeconds());
                }
                printer.flush();
            }
            if (json) {
                JsonOutput.print(printer, results);
            } else {
                printer.println(
                        "SECONDS: reading the file to the commit that shows the run with its columns (MB/S and "
                                + "SAMPLES/S from these). INDEX: the build of its full-text index that follows. CHECKPOINT: the background copy of the write-ahead log into the workspace file that follows.");
            }
            return 0;
        }
    }

    @Command(
            name = "stats",
            mixinStandardHelpOptions = true,
            description = {
                "Time the analysis of a synthetic run (imported once into a workspace beside the inputs): "
                        + "columns, overthinking facts, all run-level figures, and one problem's vote distribution."
            })
    static final class Stats implements Callable<Integer> {
        @Mixin
        private BenchRun bench;

        @Option(names = "--json", description = "Print JSON instead of text.")
        private boolean json;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            StatsBenchmark.Measurement m = StatsBenchmark.run(
                    bench.size(),
                    bench.directory(),
                    ConsoleProgress.on(spec.commandLine().getErr(), json));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(
                        out,
                        JsonOutput.object()
                                .put("size", bench.name())
                                .put("samples", m.samples())
                                .put("problems", m.problems())
                                .put("columns_cold_seconds", m.columnsCold())
                                .put("columns_warm_seconds", m.columnsWarm())
                                .put("overthinking_cold_seconds", m.overthinkingCold())
                                .put("overthinking_warm_seconds", m.overthinkingWarm())
                                .put("figures_first_seconds", m.figuresFirst())
                                .put("figures_best_seconds", m.figuresBest())
                                .put("stats_first_seconds", m.statsFirst())
                                .put("stats_best_seconds", m.statsBest())
                                .put("vote_median_ms", m.voteMedianMillis())
                                .put("vote_p95_ms", m.voteP95Millis())
                                .put("vote_max_ms", m.voteMaxMillis())
                                .put("vote_from_columns_max_ms", m.voteFromColumnsMaxMillis()));
                return 0;
            }
            out.printf(Locale.ROOT, "%s: %,d samples, %,d problems%n", bench.name(), m.samples(), m.problems());
            out.printf(Locale.ROOT, "  columns from the sample table (cold)        %8.3f s%n", m.columnsCold());
            out.printf(Locale.ROOT, "  columns from the analysis cache (warm)      %8.3f s%n", m.columnsWarm());
            out.printf(Locale.ROOT, "  overthinking facts, every trace read (cold) %8.3f s%n", m.overthinkingCold());
            out.printf(Locale.ROOT, "  overthinking facts from the cache (warm)    %8.3f s%n", m.overthinkingWarm());
            out.printf(
                    Locale.ROOT,
                    "  all run-level figures from columns          %8.3f s first, %.3f s best of 3%n",
                    m.figuresFirst(),
                    m.figuresBest());
            out.printf(
                    Locale.ROOT,
                    "  ponder stats from the workspace (cached)    %8.3f s first, %.3f s best of 3%n",
                    m.statsFirst(),
                    m.statsBest());
            out.printf(
                    Locale.ROOT,
                    "  one problem's vote distribution, by SQL     %8.2f ms median, %.2f ms p95, %.2f ms max"
                            + " (200 problems)%n",
                    m.voteMedianMillis(),
                    m.voteP95Millis(),
                    m.voteMaxMillis());
            out.printf(
                    Locale.ROOT,
                    "  one problem's vote distribution, columns    %8.3f ms max%n",
                    m.voteFromColumnsMaxMillis());
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "workbench",
            mixinStandardHelpOptions = true,
            description = {
                "Time the workbench's background work on a synthetic run (the workspace bench stats keeps): "
                        + "filling the problems table, moving to another problem, searching every trace."
            })
    static final class Workbench implements Callable<Integer> {
        @Mixin
        private BenchRun bench;

        @Option(
                names = "--limit",
                defaultValue = "500",
                description = "Most search hits listed, as the app lists (default: ${DEFAULT-VALUE}).")
        private int limit;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            WorkbenchBenchmark.Measurement m = WorkbenchBenchmark.run(
                    bench.size(),
                    bench.directory(),
                    limit,
                    ConsoleProgress.on(spec.commandLine().getErr(), false));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s: %,d samples, %,d problems%n", bench.name(), m.samples(), m.problems());
            out.printf(
                    Locale.ROOT,
                    "  problems table filled (cached columns)  %8.3f s first, %.3f s best of 3%n",
                    m.tableFirst(),
                    m.tableBest());
            out.printf(
                    Locale.ROOT,
                    "  another problem selected                %8.1f ms median, %.1f ms p95, %.1f ms max"
                            + " (200 problems: samples, votes, first trace read and highlighted)%n",
                    m.selectMedianMillis(),
                    m.selectP95Millis(),
                    m.selectMaxMillis());
            for (WorkbenchBenchmark.PhraseTiming phrase : m.search()) {
                out.printf(
                        Locale.ROOT,
                        "  search \"%s\"%s %8.1f ms, %,d hits%n",
                        phrase.phrase(),
                        " ".repeat(Math.max(0, 30 - phrase.phrase().length())),
                        phrase.millis(),
                        phrase.hits());
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "charts",
            mixinStandardHelpOptions = true,
            description = {
                "Time every chart of a synthetic run (the workspace bench stats keeps): drawn in a fresh "
                        + "session and again, exported to PDF and to a 300-dpi double-column PNG."
            })
    static final class Charts implements Callable<Integer> {
        @Mixin
        private BenchRun bench;

        @Option(
                names = "--figures",
                paramLabel = "DIR",
                description = "Keep the exported figures here (default: a temporary folder).")
        private Path figures;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<ChartBenchmark.Timing> timings = ChartBenchmark.run(
                    bench.size(),
                    bench.directory(),
                    figures,
                    ConsoleProgress.on(spec.commandLine().getErr(), false));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "%s: chart                 points   first     again     PDF       PNG 300 dpi%n",
                    bench.name());
            for (ChartBenchmark.Timing t : timings) {
                out.printf(
                        Locale.ROOT,
                        "  %-20s %8d %7.3f s %7.3f s %7s   %7s  %s%n",
                        t.kind().id(),
                        t.points(),
                        t.first(),
                        t.again(),
                        Double.isNaN(t.pdf()) ? "–" : String.format(Locale.ROOT, "%.3f s", t.pdf()),
                        Double.isNaN(t.png()) ? "–" : String.format(Locale.ROOT, "%.3f s", t.png()),
                        t.note());
            }
            out.flush();
            return 0;
        }
    }

    static BenchSize size(String name) {
        try {
            return BenchSize.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(new BenchCommand()),
                    "unknown size '" + name + "'; expected large, medium, many or small");
        }
    }

    static SyntheticRuns.Format format(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "lm-eval" -> SyntheticRuns.Format.LM_EVAL;
            case "skythought" -> SyntheticRuns.Format.SKYTHOUGHT;
            case "inspect" -> SyntheticRuns.Format.INSPECT;
            default ->
                throw new picocli.CommandLine.ParameterException(
                        new picocli.CommandLine(new BenchCommand()),
                        "unknown format '" + name + "'; expected lm-eval, skythought or inspect");
        };
    }

    @Command(
            name = "tree",
            mixinStandardHelpOptions = true,
            description = {
                "Lay out synthetic search trees (MCTS, beam search, prefix tree of 64 samples) and print the "
                        + "milliseconds. The frame rate of the tree canvas is measured in a window, apart from the headless benchmarks: "
                        + "xvfb-run -a mvn -q -Pbench test -Dbench.main=dev.ponder.app.tree.TreeFrameBenchmark"
            })
    static final class Trees implements Callable<Integer> {
        @Option(names = "--nodes", defaultValue = "10000", description = "Nodes per tree (default: ${DEFAULT-VALUE}).")
        private int nodes;

        @Option(names = "--repeats", defaultValue = "9", description = "Layouts per tree (default: ${DEFAULT-VALUE}).")
        private int repeats;

        @Option(names = "--seed", defaultValue = "20261123", description = "Random seed (default: ${DEFAULT-VALUE}).")
        private long seed;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter printer = spec.commandLine().getOut();
            printer.printf(
                    "%-7s %7s %6s %16s %16s%n", "SHAPE", "NODES", "DEPTH", "LAYOUT ms best/med", "SCENE ms best/med");
            for (dev.ponder.core.bench.TreeBenchmark.Measurement m :
                    dev.ponder.core.bench.TreeBenchmark.run(nodes, repeats, seed)) {
                printer.printf(
                        Locale.ROOT,
                        "%-7s %,7d %6d %8.1f / %5.1f %8.1f / %5.1f%n",
                        m.shape(),
                        m.nodes(),
                        m.depth(),
                        m.layoutBestMs(),
                        m.layoutMedianMs(),
                        m.sceneBestMs(),
                        m.sceneMedianMs());
                printer.flush();
            }
            printer.flush();
            return 0;
        }
    }

    @Command(
            name = "streaming",
            mixinStandardHelpOptions = true,
            description = "Stream completions from a loopback server in vLLM's format as fast as it writes, many at "
                    + "once, through the OpenAI-compatible back-end; print tokens/s and how many streams lost text.")
    static final class Streaming implements Callable<Integer> {
        @Option(
                names = "--streams",
                defaultValue = "256",
                description = "Concurrent streams (default: ${DEFAULT-VALUE}).")
        private int streams;

        @Option(
                names = "--requests",
                defaultValue = "4",
                description = "Requests per stream (default: ${DEFAULT-VALUE}).")
        private int requests;

        @Option(
                names = "--tokens",
                defaultValue = "512",
                description = "Tokens per request (default: ${DEFAULT-VALUE}).")
        private int tokens;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter printer = spec.commandLine().getOut();
            dev.ponder.core.bench.StreamingBenchmark.run(Math.min(streams, 16), 1, 64); // warm-up
            dev.ponder.core.bench.StreamingBenchmark.Result r =
                    dev.ponder.core.bench.StreamingBenchmark.run(streams, requests, tokens);
            printer.printf(
                    Locale.ROOT,
                    "%d streams x %d requests x %d tokens: %,d tokens in %.2f s = %,.0f tokens/s, "
                            + "%d of %d streams lost or garbled text%n",
                    r.streams(),
                    r.requestsPerStream(),
                    r.tokensPerRequest(),
                    r.tokens(),
                    r.elapsed().toNanos() / 1e9,
                    r.tokensPerSecond(),
                    r.lost(),
                    r.streams() * r.requestsPerStream());
            printer.flush();
            return r.lost() == 0 ? 0 : 1;
        }
    }

    @Command(
            name = "replay-faults",
            mixinStandardHelpOptions = true,
            description = "Replay into a workspace against loopback servers that fail like real ones: many samples at "
                    + "once under a random mix of faults (tokens/s; samples lost, wrong or stored twice), how soon a "
                    + "stalled stream is tried again, and a pool of three servers one of which dies halfway.")
    static final class ReplayFaults implements Callable<Integer> {
        @Option(
                names = "--concurrency",
                defaultValue = "256",
                description = "Samples streamed at once (default: ${DEFAULT-VALUE}).")
        private int concurrency;

        @Option(
                names = "--problems",
                defaultValue = "256",
                description = "Problems, 4 samples each (default: ${DEFAULT-VALUE}).")
        private int problems;

        @Option(
                names = "--thought",
                defaultValue = "1024",
                description = "Tokens each sample thinks, about (default: ${DEFAULT-VALUE}).")
        private int thought;

        @Option(
                names = "--fault-rate",
                defaultValue = "0.1",
                description = "Share of requests that fail (default: ${DEFAULT-VALUE}).")
        private double rate;

        @Option(
                names = "--idle",
                defaultValue = "2",
                description = "Seconds a stream may send nothing before it is tried again (default: ${DEFAULT-VALUE}).")
        private int idle;

        @Option(
                names = "--dir",
                defaultValue = "target/bench/replay-faults",
                description = "Where the workspaces go (default: ${DEFAULT-VALUE}).")
        private Path dir;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter printer = spec.commandLine().getOut();
            Path base = Files.createDirectories(dir);
            Duration stall = Duration.ofSeconds(idle);
            dev.ponder.core.bench.ReplayFaultsBenchmark.Result r =
                    dev.ponder.core.bench.ReplayFaultsBenchmark.underFaults(
                            base, problems, 4, concurrency, thought, rate, stall);
            printer.printf(
                    Locale.ROOT,
                    "%d samples, %d at once, %.0f %% of requests failing (%d faults over %d completions: %s):%n"
                            + "  %,d tokens in %.2f s = %,.0f tokens/s; stored %d, lost %d, wrong %d, duplicated %d%n",
                    r.expected(),
                    concurrency,
                    rate * 100,
                    r.faults(),
                    r.completions(),
                    r.injected(),
                    r.tokens(),
                    r.elapsed().toNanos() / 1e9,
                    r.tokensPerSecond(),
                    r.stored(),
                    r.lost(),
                    r.wrong(),
                    r.duplicated());
            Duration noticed = dev.ponder.core.bench.ReplayFaultsBenchmark.stallNoticedIn(stall);
            printer.printf(
                    Locale.ROOT,
                    "a stream stalled after its headers, idle time %d s: answered after %.2f s (goal: under %d s)%n",
                    idle,
                    noticed.toNanos() / 1e9,
                    idle + 1);
            dev.ponder.core.bench.ReplayFaultsBenchmark.Result pool =
                    dev.ponder.core.bench.ReplayFaultsBenchmark.poolWithADeath(base, Duration.ofSeconds(1));
            printer.printf(
                    Locale.ROOT,
                    "pool of 3 servers, one killed halfway: %d of %d samples stored in %.2f s, lost %d, wrong %d, "
                            + "duplicated %d%n",
                    pool.stored(),
                    pool.expected(),
                    pool.elapsed().toNanos() / 1e9,
                    pool.lost(),
                    pool.wrong(),
                    pool.duplicated());
            printer.flush();
            boolean ok = r.lost() + r.wrong() + r.duplicated() + pool.lost() + pool.wrong() + pool.duplicated() == 0
                    && noticed.compareTo(stall.plusSeconds(1)) < 0;
            return ok ? 0 : 1;
        }
    }

    /** {@code bench graders}: every grader over a million stored answers of every kind a grader has work with. */
    @Command(
            name = "graders",
            mixinStandardHelpOptions = true,
            description = "Tally every grader over many answers: integers, fractions, surds, percentages, "
                    + "polynomials, tuples.")
    static final class Graders implements Callable<Integer> {
        @Option(names = "--problems", defaultValue = "2000", description = "Problems, four distinct answers each.")
        private int problems;

        @Option(names = "--samples", defaultValue = "1000000", description = "Samples drawn from their answers.")
        private int samples;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            dev.ponder.core.bench.GraderBenchmark.run(
                    problems, samples, 20260101L, spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(
            name = "compute",
            mixinStandardHelpOptions = true,
            description = "Time the Compute window's recomputation over many runs of the same problems.")
    static final class Compute implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "100", description = "Runs compared (default: ${DEFAULT-VALUE}).")
        private int runs;

        @Option(
                names = "--problems",
                defaultValue = "500",
                description = "Problems per run (default: ${DEFAULT-VALUE}).")
        private int problems;

        @Option(names = "--dir", paramLabel = "DIR", description = "Where the workspace is kept.")
        private Path dir;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            dev.ponder.core.bench.ComputeBenchmark.run(
                    runs,
                    problems,
                    dir != null ? dir : defaultDirectory(),
                    spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(
            name = "first-figures",
            mixinStandardHelpOptions = true,
            description = "Ponder against a pandas notebook cell on the same file: time to the first figures, and the "
                    + "figures compared.")
    static final class FirstFigures implements Callable<Integer> {
        @Mixin
        private BenchRun bench;

        @Option(
                names = "--python",
                defaultValue = "python3",
                description = "The Python with pandas that runs the notebook cell (default: ${DEFAULT-VALUE}).")
        private String python;

        @Option(
                names = "--no-window",
                description = "Leave out the window's timings (the real screens, headless on Monocle).")
        private boolean noWindow;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            dev.ponder.core.bench.FirstFiguresBenchmark.run(
                    bench.size(),
                    bench.directory(),
                    python,
                    !noWindow,
                    spec.commandLine().getOut());
            return 0;
        }
    }

    @Command(
            name = "inspect-figures",
            mixinStandardHelpOptions = true,
            description =
                    "An Inspect .eval's figures from its summaries: how soon the command line and the window show "
                            + "them.")
    static final class InspectFigures implements Callable<Integer> {
        @Option(
                names = "--size",
                defaultValue = "medium",
                description = "large, medium, many or small (default: ${DEFAULT-VALUE}: 16,000 long samples).")
        private String size;

        @Option(
                names = "--dir",
                paramLabel = "DIR",
                description = "Where inputs and the workspace are kept (default: $PONDER_HOME/bench).")
        private Path dir;

        @Option(names = "--no-window", description = "Leave out the window's timing (headless, on Monocle).")
        private boolean noWindow;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            dev.ponder.core.bench.InspectFiguresBenchmark.run(
                    size(size),
                    dir != null ? dir : defaultDirectory(),
                    !noWindow,
                    spec.commandLine().getOut());
            return 0;
        }
    }
}
