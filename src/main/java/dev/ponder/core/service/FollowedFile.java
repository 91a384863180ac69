package dev.ponder.core.service;

import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run file a running evaluation is still writing, followed: imported up to its last complete line, and again each
 * time it has grown by complete lines, the new run replacing the one before (so the figures are the file's as it
 * stands); a half-written last line waits for its end. Following stops when the file has not grown for the quiet
 * time (a last line that never ended is then read as it is) or when the task is cancelled (Ctrl-C). Each refresh
 * reads the whole file again: quick for the logs of a running evaluation, slow past a few hundred megabytes.
 */
final class FollowedFile {
    private static final Duration POLL = Duration.ofMillis(200);

    private final Workspace workspace;
    private final Importer importer;
    private final Runnable changed;

    FollowedFile(Workspace workspace, Importer importer, Runnable changed) {
        this.workspace = workspace;
        this.importer = importer;
        this.changed = changed;
    }

    /**
     * Follows the file; the first refresh replaces the runs {@code replacing} (a run of it imported before, when a run
     * is followed from the window), each later one the runs the refresh before made.
     */
    ImportResult follow(
            Path file,
            ImportOptions options,
            List<Long> replacing,
            Duration quiet,
            Consumer<ImportResult> refreshed,
            TaskContext context) {
        ImportOptions again = options.evenIfImportedBefore();
        List<Long> replaced = replacing;
        ImportResult last = null;
        long imported = -1;
        long seen = -1;
        long grewAt = System.nanoTime();
        try {
            while (true) {
                context.checkCancelled();
                long size = Files.size(file);
                if (size != seen) {
                    seen = size;
                    grewAt = System.nanoTime();
                }
                boolean quietNow = System.nanoTime() - grewAt > quiet.toNanos();
                long upTo = quietNow ? size : completeLines(file, size);
                if (upTo > imported && upTo > 0) {
                    ImportResult result = importer.importFirst(
                            file, upTo, last == null && replaced.isEmpty() ? options : again, context);
                    List<Long> gone = replaced;
                    workspace.write(tables -> {
                        for (long id : gone) {
                            tables.runs().delete(id);
                        }
                        return null;
                    });
                    replaced = result.runIds(); // one run, or each run of a sweep
                    changed.run();
                    last = result;
                    imported = upTo;
                    refreshed.accept(result);
                }
                if (quietNow) {
                    return last;
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + file.getFileName() + " while following it: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return last;
        }
    }

    /** The length of the file up to and with its last line break (0 when it has none yet). */
    static long completeLines(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long end = size;
            while (end > 0) {
                long start = Math.max(0, end - buffer.capacity());
                buffer.clear().limit((int) (end - start));
                channel.read(buffer, start);
                for (int i = (int) (end - start) - 1; i >= 0; i--) {
                    if (buffer.get(i) == '\n') {
                        return start + i + 1;
                    }
                }
                end = start;
            }
            return 0;
        }
    }
}
