package dev.ponder.core.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The threads replayed samples run on, several at a time. Daemons, so an unfinished replay never keeps the
 * program alive; closing stops whatever still runs.
 */
final class SampleWorkers implements AutoCloseable {
    private final ExecutorService pool;
    private final List<Future<?>> submitted = new ArrayList<>();

    SampleWorkers(int threads, String name) {
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    <T> Future<T> submit(Callable<T> work) {
        Future<T> future = pool.submit(work);
        submitted.add(future);
        return future;
    }

    /** Waits for every submitted sample; the first failure surfaces as the sample's own {@link ReplayException}. */
    void awaitAll() throws ReplayException, InterruptedException {
        for (Future<?> f : submitted) {
            result(f);
        }
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
