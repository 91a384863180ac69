package dev.ponder.core.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.model.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a figure was made from, written next to it: the workspace, each run with the hash of the file it was
 * imported from, the full chart spec (chart, runs, grader, filters, seed, size), the PNG resolution, the Ponder
 * version, and the files written. {@code ponder export-chart --spec} reads it back and draws the same figure.
 *
 * @param version   this record's format version
 * @param ponder    the Ponder version that wrote it
 * @param createdAt when (ISO-8601)
 * @param workspace the workspace file
 * @param runs      the runs charted, in the spec's order
 * @param spec      everything that decides the figure
 * @param dpi       the PNG resolution
 * @param files     the files written, by name, beside this one
 * @param notes     what the chart noted (runs left out and why, points drawn at random)
 */
public record ChartProvenance(
        int version,
        String ponder,
        String createdAt,
        String workspace,
        List<RunRecord> runs,
        ChartSpec spec,
        int dpi,
        List<String> files,
        List<String> notes) {
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ChartProvenance {
        runs = runs == null ? List.of() : List.copyOf(runs);
        files = files == null ? List.of() : List.copyOf(files);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A run as the figure used it. */
    public record RunRecord(
            long id,
            String name,
            String model,
            String strategy,
            String grader,
            String sourcePath,
            String sourceFormat,
            String sourceSha256) {
        public static RunRecord of(Run run) {
            return new RunRecord(
                    run.id(),
                    run.name(),
                    run.model(),
                    run.strategy(),
                    run.grader(),
                    run.source().path(),
                    run.source().format(),
                    run.source().sha256());
        }
    }

    public void write(Path out) {
        AtomicFile.write(out, stream -> {
            JSON.writeValue(stream, this);
            return null;
        });
    }

    public static ChartProvenance read(Path file) {
        try {
            ChartProvenance provenance = JSON.readValue(file.toFile(), ChartProvenance.class);
            if (provenance.spec() == null) {
                throw new IllegalArgumentException(file + ": no chart spec in it");
            }
            if (provenance.version() > VERSION) {
                throw new IllegalArgumentException(
                        file + ": written by a newer Ponder (provenance version " + provenance.version() + ")");
            }
            return provenance;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not a chart provenance file: " + e.getMessage(), e);
        }
    }
}
