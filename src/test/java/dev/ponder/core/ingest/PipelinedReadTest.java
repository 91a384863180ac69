package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.ingest.read.RunReader;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.IngestedSample;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.Sample;
import dev.ponder.core.task.TaskCancelledException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PipelinedReadTest {
    private static final ReadContext CONTEXT = new ReadContext("f.jsonl", null, null);

    /** A reader that sends a run header, then {@code count} samples, then fails if told to. */
    private static RunReader reader(int count, RuntimeException failure, AtomicReference<Thread> thread) {
        return new RunReader() {
            @Override
            public String format() {
                return "test";
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public boolean recognises(FileHead head) {
                return true;
            }

            @Override
            public void read(InputStream in, ReadContext context, SampleSink sink) {
                thread.set(Thread.currentThread());
                sink.run(RunHeader.EMPTY);
                for (int i = 0; i < count; i++) {
                    sink.sample(IngestedSample.of(
                            "p",
                            new Sample(
                                    0, 0, 0, i, 0, "t" + i, null, false, null, null, null, null, null, null, null,
                                    null)));
                }
                if (failure != null) {
                    throw failure;
                }
            }
        };
    }

    /** Collects what arrives, on the caller's thread; can be told to fail after some samples. */
    private static final class Collecting extends IgnoringSink {
        final List<String> texts = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        int failAfter = Integer.MAX_VALUE;

        @Override
        public void run(RunHeader header) {
            threads.add(Thread.currentThread());
        }

        @Override
        public void sample(IngestedSample sample) {
            threads.add(Thread.currentThread());
            if (texts.size() >= failAfter) {
                throw new TaskCancelledException();
            }
            texts.add(sample.sample().text());
        }
    }

    private static InputStream nothing() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Test
    void everythingArrivesInOrderOnTheCallersThread() throws IOException {
        Collecting sink = new Collecting();
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        PipelinedRead.run(reader(1000, null, readerThread), nothing(), CONTEXT, sink);
        assertThat(sink.texts).hasSize(1000).startsWith("t0", "t1").endsWith("t999");
        assertThat(sink.threads).containsOnly(Thread.currentThread());
        assertThat(readerThread.get()).isNotEqualTo(Thread.currentThread());
        assertThat(readerThread.get().isAlive()).isFalse();
    }

    @Test
    void aReaderFailureReachesTheCallerAfterWhatCameBefore() {
        Collecting sink = new Collecting();
        assertThatThrownBy(() -> PipelinedRead.run(
                        reader(10, new ImportException("f.jsonl", "line 11", "broken"), new AtomicReference<>()),
                        nothing(),
                        CONTEXT,
                        sink))
                .isInstanceOf(ImportException.class)
                .hasMessage("f.jsonl, line 11: broken");
        assertThat(sink.texts).hasSize(10);
    }

    @Test
    void aWriterThatStopsStopsTheReaderBeforeReturning() {
        Collecting sink = new Collecting();
        sink.failAfter = 5;
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        assertThatThrownBy(() -> PipelinedRead.run(reader(100_000, null, readerThread), nothing(), CONTEXT, sink))
                .isInstanceOf(TaskCancelledException.class);
        assertThat(readerThread.get().isAlive())
                .as("the reader thread has ended")
                .isFalse();
    }
}
