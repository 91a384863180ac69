package dev.ponder.core.ingest;

import dev.ponder.core.ingest.record.SkippedRecord;
import java.time.Duration;
import java.util.List;

/**
 * What an import did.
 *
 * @param skipped      the first records left out, with reasons (at most {@link #SKIPPED_SHOWN})
 * @param skippedCount how many records were left out in all
 * @param bytes        the file's size
 */
public record ImportResult(
        long runId,
        String runName,
        String format,
        String sha256,
        int problems,
        long samples,
        long treeNodes,
        long skippedCount,
        List<SkippedRecord> skipped,
        long bytes,
        Duration elapsed,
        String recognised,
        long warningCount,
        List<SkippedRecord> warnings,
        List<Long> runIds) {
    public static final int SKIPPED_SHOWN = 100;

    public ImportResult {
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
        runIds = List.copyOf(runIds);
    }

    public double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }

    public double samplesPerSecond() {
        return samples / seconds();
    }

    private double seconds() {
        return Math.max(elapsed.toNanos(), 1) / 1e9;
    }
}
