package dev.ponder.core.ingest;

import dev.ponder.core.model.Problem;
import dev.ponder.core.task.TaskCancelledException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reader on a thread of its own, handing what it reads to the sink on the calling thread through a
 * bounded queue: parsing and enrichment (Java) overlap with writing (SQLite), which on two cores nearly
 * halves an import. The queue bounds memory to a few hundred records. The reader thread lives only as long
 * as the read: a failure on either side stops the other, and the caller does not return before the
 * reader has stopped, so the import's transaction never outlives its reader.
 */
final class PipelinedRead {
    private static final int QUEUE_SIZE = 256;

    /** One call of the reader on its sink, replayed on the writer's thread. */
    private interface Event {
        void applyTo(SampleSink target);
    }

    /** The reader has finished, with or without a failure. */
    private record Ended(Throwable failure) implements Event {
        @Override
        public void applyTo(SampleSink target) {
            throw new IllegalStateException("the end of the read is handled by the writer loop");
        }
    }

    private final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private volatile boolean writerStopped;

    private PipelinedRead() {
    }

    static void run(RunReader reader, InputStream in, ReadContext context, SampleSink target) throws IOException {
        new PipelinedRead().drive(reader, in, context, target);
    }

    private void drive(RunReader reader, InputStream in, ReadContext context, SampleSink target) throws IOException {
        Thread thread = new Thread(() -> {
            Throwable failure = null;
            try {
                reader.read(in, context, new QueueSink());
            } catch (Throwable e) {
                failure = e;
            }
            try {
                hand(new Ended(failure));
            } catch (TaskCancelledException writerGone) {
                // The writer stopped first and no longer listens for the end.
            }
        }, "ponder-import-reader");
        thread.setDaemon(true);
        thread.start();
        try {
            while (true) {
                Event event = queue.take();
                if (event instanceof Ended ended) {
                    rethrow(ended.failure());
                    return;
                }
                event.applyTo(target);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException();
        } finally {
            writerStopped = true;
            queue.clear();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new UncheckedIOException(new IOException(failure));
    }

    /** Waits for room in the queue; gives up once the writer has stopped, so the reader unwinds. */
    private void hand(Event event) {
        try {
            while (!queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
                if (writerStopped) {
                    throw new TaskCancelledException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException();
        }
    }

    /**
     * What the reader thread writes to: every call becomes an event for the writer. Record-level checks run
     * here, in the reader's call, so that a bad record is skipped with its line like any other.
     */
    private final class QueueSink implements SampleSink {
        private final Set<String> sampleIds = new HashSet<>();
        private final Set<String> nodeIds = new HashSet<>();

        private void checkNew(Set<String> ids, String fileId) {
            if (fileId != null && !ids.add(fileId)) {
                throw new RecordException("id \"" + fileId + "\" is used by an earlier record");
            }
        }

        @Override
        public void run(RunHeader header) {
            hand(target -> target.run(header));
        }

        @Override
        public void runDetails(RunHeader details) {
            hand(target -> target.runDetails(details));
        }

        @Override
        public void problem(Problem problem) {
            hand(target -> target.problem(problem));
        }

        @Override
        public void sample(IngestedSample sample) {
            checkNew(sampleIds, sample.fileId());
            hand(target -> target.sample(sample));
        }

        @Override
        public void treeNode(IngestedTreeNode node) {
            checkNew(nodeIds, node.fileId());
            hand(target -> target.treeNode(node));
        }

        @Override
        public void problemReference(String problemKey, String json) {
            hand(target -> target.problemReference(problemKey, json));
        }

        @Override
        public void skipped(String location, String reason) {
            hand(target -> target.skipped(location, reason));
        }
    }
}
