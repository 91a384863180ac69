package dev.ponder.core.service;

import dev.ponder.core.chart.PaperStyle;
import dev.ponder.core.export.ChartFiles;
import dev.ponder.core.export.ChartFiles.Format;
import dev.ponder.core.export.LmEvalExporter;
import dev.ponder.core.export.ParquetRunExporter;
import dev.ponder.core.export.RunExporter;
import dev.ponder.core.export.TaggedSampleExporter;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ui.Drawable;

/** Writes what leaves the workspace: a run as a file, the samples carrying a tag, a figure as drawn. */
public final class ExportService {

    /** The formats a run can be written in. */
    public enum RunFormat {
        /** Ponder's own JSONL: importing it gives the same rows. */
        PONDER,
        /** lm-evaluation-harness's {@code --log_samples} shape, with s1's fields. */
        LM_EVAL,
        /** The per-sample columns as Parquet, for pandas, polars, DuckDB or Spark; importing it gives the figures. */
        PARQUET;

        /** {@code ponder}, {@code lm-eval} or {@code parquet}. */
        public static RunFormat parse(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "ponder" -> PONDER;
                case "lm-eval" -> LM_EVAL;
                case "parquet" -> PARQUET;
                default ->
                    throw new IllegalArgumentException(
                            "the run formats are ponder, lm-eval and parquet, not '" + text + "'");
            };
        }
    }

    private final Workspace workspace;

    ExportService(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Writes the run to {@code out}; returns how many samples were written. */
    public long run(long runId, RunFormat format, Path out, TaskContext context) {
        return switch (format) {
            case PONDER -> new RunExporter(workspace).export(runId, out, context);
            case LM_EVAL -> new LmEvalExporter(workspace).export(runId, out);
            case PARQUET -> new ParquetRunExporter(workspace).export(runId, out);
        };
    }

    /**
     * Writes the samples tagged {@code tag} (of one run, or of all when {@code runId} is null) as JSONL; returns how
     * many were written.
     */
    public long taggedSamples(String tag, Long runId, Path out, TaskContext context) {
        return new TaggedSampleExporter(workspace).export(tag, runId, out, context);
    }

    /** Writes a figure as drawn (a search tree, a chart) in the paper style, its format from {@code out}'s name. */
    public void figure(Drawable figure, String title, PaperStyle style, int dpi, Path out) {
        ChartFiles.write(figure, title, style, Format.of(out), dpi, out);
    }
}
