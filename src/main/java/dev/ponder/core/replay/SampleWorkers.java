package dev.ponder.core.replay;

import dev.ponder.core.task.TaskCancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads replayed samples run on, several at a time. Daemons, so an unfinished replay never keeps the
 * program alive; closing stops whatever still runs. A sample that fails (after its back-end's own retries) costs
 * only itself: its failure is collected with its unit and the others go on.
 */
final class SampleWorkers implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SampleWorkers.class.getName());

    /** A piece of work that failed, and why in one sentence. */
    record Failure(String unit, String reason) {}

    private record Submitted(String unit, Future<?> future) {}

    private final ExecutorService pool;
    private final List<Submitted> submitted = new ArrayList<>();

    SampleWorkers(int threads, String name) {
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    <T> Future<T> submit(String unit, Callable<T> work) {
        Future<T> future = pool.submit(work);
        submitted.add(new Submitted(unit, future));
        return future;
    }

    /**
     * Waits for every submitted piece of work; returns those that failed, with why. A cancelled replay is no
     * failure: it ends the wait as a cancellation.
     */
    List<Failure> awaitAll() throws InterruptedException {
        List<Failure> failed = new ArrayList<>();
        for (Submitted work : submitted) {
            try {
                work.future().get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof TaskCancelledException cancelled) {
                    throw cancelled;
                }
                if (!(cause instanceof ReplayException)) {
                    LOG.log(Level.WARNING, "Replaying " + work.unit() + " failed unexpectedly", cause);
                }
                failed.add(new Failure(
                        work.unit(),
                        cause instanceof ReplayException
                                ? cause.getMessage()
                                : "an error Ponder did not expect (" + cause + "); the log has the details"));
            }
        }
        return failed;
    }

    static <T> T result(Future<T> future) throws ReplayException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReplayException r) {
                throw r;
            }
            throw new ReplayException("A replayed sample failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
