package dev.ponder.core.export;

import dev.ponder.core.PonderVersion;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.VoteDistribution;
import dev.ponder.core.chart.ChartBuilder;
import dev.ponder.core.chart.ChartInputs;
import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartRenderer;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.chart.PlotData;
import dev.ponder.core.chart.RenderedChart;
import dev.ponder.core.export.ChartFiles.Format;
import dev.ponder.core.model.Problem;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Exports a figure with what explains it: the figure in each format asked for, the plotted numbers as CSV, and
 * the provenance record, all named after the figure ({@code fig.pdf}, {@code fig.csv}, {@code fig.provenance.json}).
 */
public final class ChartExport {
    public static final int DEFAULT_DPI = 300;

    private ChartExport() {}

    /** What an export wrote. */
    public record Result(ChartKind kind, List<Path> files, List<String> notes) {}

    /**
     * Draws the figure and writes it to {@code figure} (its extension is its format), plus the other
     * {@code formats}, the CSV and the provenance record beside it.
     */
    public static Result export(
            ChartSpec spec, ChartInputs inputs, Path figure, Set<Format> formats, int dpi, TaskContext context) {
        PlotData data = ChartBuilder.build(spec, inputs, context);
        return write(spec, inputs, data, figure, formats, dpi);
    }

    /** Writes an already built figure. */
    public static Result write(
            ChartSpec spec, ChartInputs inputs, PlotData data, Path figure, Set<Format> formats, int dpi) {
        Set<Format> all = new LinkedHashSet<>();
        all.add(Format.of(figure));
        all.addAll(formats);
        RenderedChart rendered = ChartRenderer.render(data, spec.style());
        String stem = stem(figure);
        Path folder = figure.toAbsolutePath().getParent();
        List<Path> written = new ArrayList<>();
        for (Format format : all) {
            Path out = folder.resolve(stem + "." + format.extension());
            ChartFiles.write(rendered.chart(), spec.style(), format, dpi, out);
            written.add(out);
        }
        Path csv = folder.resolve(stem + ".csv");
        ChartFiles.csv(data, csv);
        written.add(csv);
        Path provenance = folder.resolve(stem + ".provenance.json");
        List<String> names = new ArrayList<>(
                written.stream().map(path -> path.getFileName().toString()).toList());
        names.addAll(earlierFormats(provenance, spec, inputs, names));
        new ChartProvenance(
                        ChartProvenance.VERSION,
                        PonderVersion.current(),
                        Instant.now().toString(),
                        inputs.workspace().file().toAbsolutePath().toString(),
                        spec.runs().stream()
                                .map(id -> ChartProvenance.RunRecord.of(inputs.run(id)))
                                .toList(),
                        spec,
                        dpi,
                        names,
                        data.notes())
                .write(provenance);
        written.add(provenance);
        return new Result(spec.kind(), List.copyOf(written), data.notes());
    }

    /**
     * The files an earlier export of the same figure wrote beside this one and still there (its PDF, when this
     * export writes the PNG): one provenance lists every file drawn from the spec. A provenance of another figure, or
     * one that cannot be read, is replaced.
     */
    private static List<String> earlierFormats(
            Path provenance, ChartSpec spec, ChartInputs inputs, List<String> writtenNow) {
        if (!Files.isRegularFile(provenance)) {
            return List.of();
        }
        ChartProvenance earlier;
        try {
            earlier = ChartProvenance.read(provenance);
        } catch (RuntimeException unreadable) {
            return List.of();
        }
        boolean sameFigure = spec.equals(earlier.spec())
                && inputs.workspace().file().toAbsolutePath().toString().equals(earlier.workspace());
        if (!sameFigure) {
            return List.of();
        }
        Path folder = provenance.getParent();
        return earlier.files().stream()
                .filter(name -> !writtenNow.contains(name) && Files.isRegularFile(folder.resolve(name)))
                .toList();
    }

    /**
     * Every chart of the run that has something to show, into {@code folder} as {@code <chart>.<format>} (with
     * CSV and provenance each); the vote distribution is of the problem given, else the run's most contested
     * one (the highest vote entropy). Charts with nothing to plot are skipped and named in the notes.
     */
    public static List<Result> exportAll(
            ChartSpec template, ChartInputs inputs, Path folder, Set<Format> formats, int dpi, TaskContext context) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("choose at least one figure format");
        }
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        List<Result> results = new ArrayList<>();
        ChartKind[] kinds = ChartKind.values();
        for (int i = 0; i < kinds.length; i++) {
            context.checkCancelled();
            context.message("Exporting " + kinds[i].title());
            context.progress(i, kinds.length);
            ChartSpec spec = template.withKind(kinds[i]);
            if (kinds[i] == ChartKind.VOTES && spec.problem() == null) {
                spec = spec.withProblem(mostContested(inputs, spec));
            }
            PlotData data = spec.problem() == null && kinds[i] == ChartKind.VOTES
                    ? null
                    : ChartBuilder.build(spec, inputs, context);
            if (data == null || !hasMarks(data)) {
                results.add(
                        new Result(kinds[i], List.of(), data == null ? List.of("no problem to show") : data.notes()));
                continue;
            }
            Format first = formats.iterator().next();
            results.add(
                    write(spec, inputs, data, folder.resolve(kinds[i].id() + "." + first.extension()), formats, dpi));
        }
        context.progress(kinds.length, kinds.length);
        return results;
    }

    /** Whether any series of the figure has a point (reference lines aside). */
    public static boolean hasMarks(PlotData data) {
        return data.panels().stream()
                .flatMap(panel -> panel.series().stream())
                .anyMatch(series -> series.mark() != PlotData.Mark.REFERENCE
                        && !series.points().isEmpty());
    }

    /** The key of the first run's problem with the most evenly split vote, or {@code null} if it has none. */
    public static String mostContested(ChartInputs inputs, ChartSpec spec) {
        RunColumns columns = inputs.columns(spec.runs().get(0), spec.grader());
        int best = -1;
        double entropy = -1;
        for (int p = 0; p < columns.problems(); p++) {
            double bits = VoteDistribution.of(columns, p).entropyBits();
            if (bits > entropy) {
                entropy = bits;
                best = p;
            }
        }
        if (best < 0) {
            return null;
        }
        long problemId = columns.problemId(best);
        return inputs.workspace().read(tables -> tables.problems().byIds(new long[] {problemId})).stream()
                .findFirst()
                .map(Problem::key)
                .orElse(null);
    }

    private static String stem(Path figure) {
        String name = figure.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
