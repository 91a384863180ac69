package dev.ponder.cli;

import dev.ponder.core.answer.Grading;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.Curve;
import dev.ponder.core.export.ChartExport;
import dev.ponder.core.export.ChartFiles.Format;
import dev.ponder.core.export.ChartProvenance;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import dev.ponder.core.task.TaskContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ponder export-chart}: a figure for a paper without the window, or again from its provenance file.
 */
@Command(
        name = "export-chart",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Draw a chart of one or more runs to PDF, SVG or PNG (by the --out file's extension), with the",
            "plotted numbers as CSV and a provenance file (.provenance.json) beside it. --spec draws a figure again",
            "from its provenance file; --all exports every chart of the run into a folder."
        })
final class ExportChartCommand implements Callable<Integer> {
    @Mixin
    private WorkspaceOption workspaceOption;

    @Option(names = "--spec", paramLabel = "FILE", description = "A provenance file: draw the same figure again.")
    private Path specFile;

    @Option(
            names = "--run",
            paramLabel = "RUN",
            description = "A run to chart (id or exact name); repeat to overlay runs.")
    private List<String> runs = new ArrayList<>();

    @Option(
            names = "--chart",
            paramLabel = "CHART",
            description = "The chart: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Kinds.class)
    private String chart;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "The figure file: .pdf, .svg or .png.")
    private Path out;

    @Option(names = "--all", paramLabel = "DIR", description = "Export every chart of the run into this folder.")
    private Path all;

    @Option(
            names = "--format",
            split = ",",
            paramLabel = "F",
            description =
                    "More formats to write beside the figure (pdf, svg, png); with --all, the formats (default: pdf,png).")
    private List<String> formats = new ArrayList<>();

    @Option(names = "--dpi", paramLabel = "N", description = "PNG resolution (default: 300, or the spec's).")
    private Integer dpi;

    @ArgGroup(exclusive = false, heading = "%nLooks:%n")
    private FigureLooks looks = new FigureLooks();

    @ArgGroup(exclusive = false, heading = "%nNumbers:%n")
    private Numbers numbers = new Numbers();

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    static final class Kinds extends ArrayList<String> {
        Kinds() {
            for (ChartKind kind : ChartKind.values()) {
                add(kind.id());
            }
        }
    }

    static final class Numbers {
        @Option(
                names = "--grader",
                paramLabel = "G",
                description = "Grade with this instead of the runs' stored verdicts.")
        String grader;

        @Option(names = "--problem", paramLabel = "KEY", description = "The problem of a vote distribution.")
        String problem;

        @Option(
                names = "--curves",
                split = ",",
                paramLabel = "C",
                description = "Scaling curves: pass, maj, maj-first, weighted, naive.")
        List<String> curves;

        @Option(names = "--k-max", paramLabel = "K", description = "The largest k of scaling curves.")
        Integer kMax;

        @Option(
                names = "--bins",
                paramLabel = "N",
                description = "Bins of length, histogram and calibration charts (default 10).")
        Integer bins;

        @Option(names = "--level", paramLabel = "L", description = "Only this difficulty level (1 = easiest).")
        Integer level;

        @Option(names = "--weighted", description = "Vote bars by summed reward score.")
        boolean weighted;

        @Option(names = "--budget-axis", paramLabel = "A", description = "Budget curve x axis: budget or tokens.")
        String budgetAxis;

        @Option(
                names = "--cost",
                paramLabel = "AXIS",
                description = "Equal-compute and frontier x axis: tokens, thinking-tokens, answer-tokens, samples, "
                        + "flops, eflops or usd.")
        String cost;

        @Option(
                names = "--model",
                paramLabel = "SHAPE",
                description = "The model's shape for flops and eflops: a built-in model, its config.json or .gguf.")
        String model;

        @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice.")
        Long seed;

        @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (0 for no intervals).")
        Integer resamples;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        try {
            if (specFile != null) {
                return again(started);
            }
            if (runs.isEmpty() || chart == null && all == null || chart != null && out == null) {
                throw new ParameterException(
                        spec.commandLine(), "name --run and --chart with --out, --run and --all, " + "or --spec");
            }
            try (WorkspaceServices workspace = workspaceOption.open()) {
                List<Long> ids = runs.stream()
                        .map(run -> workspace.runs().selectRun(run).id())
                        .toList();
                ChartSpec chosen = adjust(ChartSpec.of(chart == null ? ChartKind.SCALING : ChartKind.parse(chart), ids)
                        .withMarkers(new SettingsStore(PonderHome.resolve().settingsFile())
                                .load()
                                .markers()
                                .phrases()));
                List<ChartExport.Result> results = all != null
                        ? workspace
                                .charts()
                                .exportAll(
                                        chosen,
                                        all,
                                        figureFormats(),
                                        dpi(ChartExport.DEFAULT_DPI),
                                        ConsoleProgress.on(spec.commandLine().getErr(), json))
                        : List.of(workspace
                                .charts()
                                .export(chosen, out, extraFormats(), dpi(ChartExport.DEFAULT_DPI), TaskContext.NONE));
                report(results, started);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return 0;
    }

    private int again(long started) {
        ChartProvenance provenance = ChartProvenance.read(specFile);
        Path file = workspaceOption.isDefault() && provenance.workspace() != null
                ? Path.of(provenance.workspace())
                : workspaceOption.file();
        try (WorkspaceServices workspace = WorkspaceServices.open(file, PonderHome.resolve())) {
            for (String changed : workspace.charts().changedSources(provenance)) {
                spec.commandLine()
                        .getErr()
                        .printf(
                                "Warning: %s now comes from a file with another hash than when the "
                                        + "figure was made%n",
                                changed);
            }
            ChartSpec chosen = adjust(provenance.spec());
            Path figure = out != null
                    ? out
                    : specFile.toAbsolutePath()
                            .resolveSibling(specFile.getFileName().toString().replaceFirst("\\.provenance\\.json$", "")
                                    + "."
                                    + (provenance.files().isEmpty()
                                            ? "pdf"
                                            : provenance.files().get(0).replaceFirst(".*\\.", "")));
            report(
                    List.of(workspace
                            .charts()
                            .export(chosen, figure, extraFormats(), dpi(provenance.dpi()), TaskContext.NONE)),
                    started);
        }
        return 0;
    }

    /** The spec with what the command line changes. */
    private ChartSpec adjust(ChartSpec base) {
        ChartSpec result = base;
        result = result.withStyle(looks.applyTo(base.style()));
        if (numbers.grader != null) {
            Grading.parse(numbers.grader);
            result = result.withGrader(numbers.grader);
        }
        if (numbers.problem != null) {
            result = result.withProblem(numbers.problem);
        }
        if (numbers.curves != null) {
            result = result.withCurves(numbers.curves.stream().map(Curve::parse).toList());
        }
        if (numbers.kMax != null) {
            result = result.withKMax(numbers.kMax);
        }
        if (numbers.bins != null) {
            result = result.withBins(numbers.bins);
        }
        if (numbers.level != null) {
            result = result.withLevel(numbers.level);
        }
        if (numbers.weighted) {
            result = result.withWeighted(true);
        }
        if (numbers.budgetAxis != null) {
            result = result.withBudgetAxis(
                    ChartSpec.BudgetAxis.valueOf(numbers.budgetAxis.strip().toUpperCase(java.util.Locale.ROOT)));
        }
        if (numbers.cost != null || numbers.model != null) {
            dev.ponder.core.compute.CostSettings cost =
                    result.cost() != null ? result.cost() : dev.ponder.core.compute.CostSettings.DEFAULT;
            if (numbers.cost != null) {
                cost = cost.withAxis(dev.ponder.core.compute.CostAxis.parse(numbers.cost));
            }
            if (numbers.model != null) {
                cost = cost.withShape(dev.ponder.core.service.Choices.modelShape(numbers.model));
            }
            result = result.withCost(cost);
        }
        if (numbers.seed != null) {
            result = result.withSeed(numbers.seed);
        }
        if (numbers.resamples != null) {
            result = result.withResamples(numbers.resamples);
        }
        return result;
    }

    private Set<Format> extraFormats() {
        Set<Format> chosen = new LinkedHashSet<>();
        formats.forEach(format -> chosen.add(Format.parse(format)));
        return chosen;
    }

    private Set<Format> figureFormats() {
        Set<Format> chosen = extraFormats();
        return chosen.isEmpty() ? new LinkedHashSet<>(List.of(Format.PDF, Format.PNG)) : chosen;
    }

    private int dpi(int fallback) {
        return dpi != null ? dpi : fallback > 0 ? fallback : ChartExport.DEFAULT_DPI;
    }

    private void report(List<ChartExport.Result> results, long started) {
        PrintWriter printer = spec.commandLine().getOut();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (json) {
            var document = JsonOutput.object().put("seconds", seconds);
            var array = document.putArray("charts");
            for (ChartExport.Result result : results) {
                var item = array.addObject().put("chart", result.kind().id());
                var files = item.putArray("files");
                result.files().forEach(file -> files.add(file.toString()));
                var notes = item.putArray("notes");
                result.notes().forEach(notes::add);
            }
            JsonOutput.print(printer, document);
            return;
        }
        for (ChartExport.Result result : results) {
            if (result.files().isEmpty()) {
                printer.printf(
                        "%-20s skipped: %s%n",
                        result.kind().id(),
                        result.notes().isEmpty() ? "nothing to plot" : String.join("; ", result.notes()));
                continue;
            }
            printer.printf(
                    "%-20s %s%n",
                    result.kind().id(),
                    String.join(
                            ", ",
                            result.files().stream()
                                    .map(file -> file.getFileName().toString())
                                    .toList()));
            result.notes().forEach(note -> printer.printf("%-20s   note: %s%n", "", note));
        }
        printer.printf("Done in %.2f s%n", seconds);
        printer.flush();
    }
}
