package dev.ponder.core.replay;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches a streamed response: when no data has come for the idle time, it closes the stream, which ends the
 * blocked read at once, and remembers that it did, so the reader can tell a stall from a cut. One thread watches
 * every stream, checking often enough to notice a stall within a small part of a second of the idle time.
 */
final class IdleGuard implements AutoCloseable {
    private static final ScheduledExecutorService WATCH = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ponder-stream-watch");
        thread.setDaemon(true);
        return thread;
    });

    private final InputStream stream;
    private final long idleNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastData = System.nanoTime();
    private volatile boolean tripped;

    IdleGuard(InputStream stream, Duration idle) {
        this.stream = stream;
        this.idleNanos = idle.toNanos();
        long period = Math.max(10, Math.min(250, idle.toMillis() / 10));
        this.check = WATCH.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Data came. */
    void touched() {
        lastData = System.nanoTime();
    }

    /** Whether the stream was closed for stalling. */
    boolean tripped() {
        return tripped;
    }

    private void check() {
        if (System.nanoTime() - lastData > idleNanos && !tripped) {
            tripped = true;
            check.cancel(false);
            try {
                stream.close();
            } catch (IOException ignored) {
                // the reader is told of the stall either way
            }
        }
    }

    @Override
    public void close() {
        check.cancel(false);
    }
}
