package dev.ponder.core.ingest;

import dev.ponder.core.ingest.read.RunReader;
import dev.ponder.core.ingest.record.IngestedSample;
import dev.ponder.core.ingest.record.IngestedTreeNode;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RecordException;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.Problem;
import dev.ponder.core.task.TaskCancelledException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a reader on a thread of its own, handing what it reads to the sink on the calling thread through a
 * bounded queue: parsing and enrichment (Java) overlap with writing (SQLite), which on two cores nearly
 * halves an import. Calls travel in chunks of up to 64 (or 1 MB of text), so a million short samples cost
 * thousands of hand-overs between the threads, not millions; the queue bounds memory to a few chunks. The
 * reader thread lives only as long as the read: a failure on either side stops the other, and the caller does
 * not return before the reader has stopped, so the import's transaction never outlives its reader.
 */
final class PipelinedRead {
    private static final int QUEUE_CHUNKS = 16;
    private static final int CHUNK_EVENTS = 64;
    private static final long CHUNK_CHARS = 1 << 20;

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

    private final BlockingQueue<List<Event>> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private volatile boolean writerStopped;

    private PipelinedRead() {}

    static void run(RunReader reader, InputStream in, ReadContext context, SampleSink target) throws IOException {
        new PipelinedRead().drive(reader, in, context, target);
    }

    private void drive(RunReader reader, InputStream in, ReadContext context, SampleSink target) throws IOException {
        Thread thread = new Thread(
                () -> {
                    Throwable failure = null;
                    QueueSink sink = new QueueSink();
                    try {
                        reader.read(in, context, sink);
                    } catch (Throwable e) {
                        failure = e;
                    }
                    try {
                        sink.end(new Ended(failure));
                    } catch (TaskCancelledException writerGone) {
                        // The writer stopped first and no longer listens for the end.
                    }
                },
                "ponder-import-reader");
        thread.setDaemon(true);
        thread.start();
        try {
            while (true) {
                for (Event event : queue.take()) {
                    if (event instanceof Ended ended) {
                        rethrow(ended.failure());
                        return;
                    }
                    event.applyTo(target);
                }
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
    private void hand(List<Event> chunk) {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
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
        private List<Event> chunk = new ArrayList<>(CHUNK_EVENTS);
        private long chunkChars;

        private void add(Event event, long chars) {
            chunk.add(event);
            chunkChars += chars;
            if (chunk.size() >= CHUNK_EVENTS || chunkChars >= CHUNK_CHARS) {
                hand(chunk);
                chunk = new ArrayList<>(CHUNK_EVENTS);
                chunkChars = 0;
            }
        }

        /** Hands what is left, with the end of the read. */
        void end(Ended ended) {
            chunk.add(ended);
            hand(chunk);
        }

        private void checkNew(Set<String> ids, String fileId) {
            if (fileId != null && !ids.add(fileId)) {
                throw new RecordException("id \"" + fileId + "\" is used by an earlier record");
            }
        }

        @Override
        public void run(RunHeader header) {
            add(target -> target.run(header), 0);
        }

        @Override
        public void runDetails(RunHeader details) {
            add(target -> target.runDetails(details), 0);
        }

        @Override
        public void problem(Problem problem) {
            add(
                    target -> target.problem(problem),
                    problem.question() == null ? 0 : problem.question().length());
        }

        @Override
        public void sample(IngestedSample sample) {
            checkNew(sampleIds, sample.fileId());
            add(target -> target.sample(sample), sample.sample().text().length());
        }

        @Override
        public void treeNode(IngestedTreeNode node) {
            checkNew(nodeIds, node.fileId());
            add(
                    target -> target.treeNode(node),
                    node.node().stepText() == null ? 0 : node.node().stepText().length());
        }

        @Override
        public void problemReference(String problemKey, String json) {
            add(target -> target.problemReference(problemKey, json), json.length());
        }

        @Override
        public void skipped(String location, String reason) {
            add(target -> target.skipped(location, reason), 0);
        }

        @Override
        public void budget(int budget) {
            add(target -> target.budget(budget), 0);
        }
    }
}
