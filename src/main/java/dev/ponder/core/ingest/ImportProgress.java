package dev.ponder.core.ingest;

import java.time.Duration;
import java.util.Locale;

/** The line that tells how an import is going: how far through the file, how many samples, how fast, how long still. */
final class ImportProgress {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String fileName;
    private final long totalBytes;
    private final long startedNanos;

    ImportProgress(String fileName, long totalBytes, long startedNanos) {
        this.fileName = fileName;
        this.totalBytes = totalBytes;
        this.startedNanos = startedNanos;
    }

    /** E.g. "Importing big.jsonl: 412 of 1,034 MB · 51,200 samples · 38.5 MB/s · about 16 s left". */
    String describe(long bytes, long samples, long treeNodes, long nowNanos) {
        StringBuilder line = new StringBuilder("Importing ").append(fileName).append(": ");
        if (bytes > 0 && totalBytes > 0) {
            line.append(megabytes(bytes))
                    .append(" of ")
                    .append(megabytes(totalBytes))
                    .append(" MB · ");
        }
        line.append(String.format(Locale.ROOT, "%,d samples", samples));
        if (treeNodes > 0) {
            line.append(String.format(Locale.ROOT, ", %,d tree nodes", treeNodes));
        }
        long elapsed = nowNanos - startedNanos;
        if (bytes > 0 && elapsed >= NANOS_PER_SECOND) {
            double bytesPerSecond = bytes * (double) NANOS_PER_SECOND / elapsed;
            line.append(String.format(Locale.ROOT, " · %.1f MB/s", bytesPerSecond / 1e6));
            if (totalBytes > bytes) {
                line.append(" · about ")
                        .append(duration(Duration.ofSeconds(Math.round((totalBytes - bytes) / bytesPerSecond))))
                        .append(" left");
            }
        }
        return line.toString();
    }

    private String megabytes(long bytes) {
        return totalBytes < 100_000_000L
                ? String.format(Locale.ROOT, "%,.1f", bytes / 1e6)
                : String.format(Locale.ROOT, "%,d", Math.round(bytes / 1e6));
    }

    static String duration(Duration left) {
        long seconds = left.toSeconds();
        if (seconds < 60) {
            return Math.max(seconds, 1) + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
