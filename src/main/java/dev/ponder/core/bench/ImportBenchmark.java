package dev.ponder.core.bench;

import dev.ponder.core.ingest.ImportOptions;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/** Imports a synthetic run into a fresh workspace and measures throughput and the peak heap. */
public final class ImportBenchmark {

    /** What one import measured. */
    public record Measurement(BenchSize size, SyntheticRuns.Format format, long bytes, long samples, double seconds,
                              long peakHeapBytes, long maxHeapBytes) {
        public double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }

        public double samplesPerSecond() {
            return samples / seconds;
        }
    }

    private ImportBenchmark() {
    }

    /** The synthetic file for this size and format in {@code directory}, generated if it is not there yet. */
    public static Path input(BenchSize size, SyntheticRuns.Format format, Path directory) throws IOException {
        Path folder = directory.resolve(size.name().toLowerCase());
        Path file = folder.resolve(format.fileName());
        if (!Files.isRegularFile(file)) {
            new SyntheticRuns(size, 20_260_101L).write(format, folder);
        }
        return file;
    }

    public static Measurement run(BenchSize size, SyntheticRuns.Format format, Path directory) throws IOException {
        Path file = input(size, format, directory);
        Path workspaceFile = directory.resolve("bench.ponder");
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            Files.deleteIfExists(workspaceFile.resolveSibling(workspaceFile.getFileName() + suffix));
        }
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long started = System.nanoTime();
        ImportResult result;
        try (Workspace workspace = Workspace.create(workspaceFile)) {
            result = new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measurement(size, format, result.bytes(), result.samples(), seconds, peak, Runtime.getRuntime().maxMemory());
    }
}
