package dev.ponder.core.bench;

import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.store.TraceIndexing;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports a synthetic run into a fresh workspace and measures throughput and the peak heap. The import is timed
 * from the start of reading to the commit that makes the run appear with its columns (its figures can be drawn),
 * then the build of its full-text index that follows (its traces searchable); the checkpoint that then copies the
 * write-ahead log into the workspace file runs in the background and is timed apart, as the wait for it when the
 * workspace closes.
 */
public final class ImportBenchmark {

    /** What one import measured. */
    public record Measurement(
            BenchSize size,
            SyntheticRuns.Format format,
            long bytes,
            long samples,
            double seconds,
            double indexSeconds,
            double checkpointSeconds,
            long peakHeapBytes,
            long maxHeapBytes) {
        public double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }

        public double samplesPerSecond() {
            return samples / seconds;
        }
    }

    private ImportBenchmark() {}

    /**
     * The most heap in use at once while the import runs, garbage not yet collected included, read every 20 ms:
     * what the import needs of {@code -Xmx}.
     */
    private static final class HeapWatch {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;

        private HeapWatch() {
            thread = new Thread(
                    () -> {
                        while (running) {
                            peak = Math.max(
                                    peak,
                                    ManagementFactory.getMemoryMXBean()
                                            .getHeapMemoryUsage()
                                            .getUsed());
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "ponder-bench-heap");
            thread.setDaemon(true);
        }

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            watch.thread.start();
            return watch;
        }

        long stop() {
            running = false;
            thread.interrupt();
            return Math.max(
                    peak,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
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
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(workspaceFile.resolveSibling(workspaceFile.getFileName() + suffix));
        }
        System.gc();
        HeapWatch heap = HeapWatch.start();
        Workspace workspace = Workspace.create(workspaceFile);
        long started = System.nanoTime();
        ImportResult result;
        long imported;
        long indexed;
        try {
            result = new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
            imported = System.nanoTime();
            new TraceIndexing(workspace).index(result.runId(), (traces, of) -> {});
            indexed = System.nanoTime();
        } finally {
            workspace.close();
        }
        double seconds = (imported - started) / 1e9;
        double checkpoint = (System.nanoTime() - indexed) / 1e9;
        long peak = heap.stop();
        return new Measurement(
                size,
                format,
                result.bytes(),
                result.samples(),
                seconds,
                (indexed - imported) / 1e9,
                checkpoint,
                peak,
                Runtime.getRuntime().maxMemory());
    }
}
