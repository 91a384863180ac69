package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.model.ThinkingSplit;
import dev.ponder.core.store.AnalysisRows.TraceRow;
import dev.ponder.core.task.TaskCancelledException;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import dev.ponder.core.trace.ThinkingSplitter;
import dev.ponder.core.trace.TraceStructure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one pass over a run's traces that gives each sample's overthinking facts: this thread reads the rows in
 * the order of the run's columns, worker threads take the traces apart, and the results are put back in order.
 * Only each problem's last round is kept, as in the columns.
 */
final class EfficiencyPass implements AutoCloseable {
    private static final int CHUNK = 512;

    /** One trace as read, before it is taken apart. */
    private record Row(
            String text,
            int thinkStart,
            int thinkEnd,
            boolean truncated,
            int tokens,
            String gold,
            long problemId,
            int round) {
        static Row of(TraceRow trace) {
            Integer tokens = trace.tokensTotal() != null ? trace.tokensTotal() : trace.tokensThinking();
            return new Row(
                    trace.text(),
                    trace.thinkStart() == null ? -1 : trace.thinkStart(),
                    trace.thinkEnd(),
                    trace.truncated(),
                    tokens == null ? 0 : tokens,
                    trace.gold(),
                    trace.problemId(),
                    trace.round());
        }
    }

    private final ReflectionMarkers markers;
    /** Each worker grades with its own memory of the pairs it graded: a run states the same answers again and again. */
    private final ThreadLocal<Grader> grader;

    private final ThinkingSplitter splitter = new ThinkingSplitter();
    private final long total;
    private final TaskContext context;
    private final int threads = Runtime.getRuntime().availableProcessors();
    private final ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
        Thread thread = new Thread(runnable, "ponder-trace-analysis");
        thread.setDaemon(true);
        return thread;
    });
    private final Collector collector = new Collector();
    private final Deque<Chunk> inFlight = new ArrayDeque<>();
    private List<Row> chunk = new ArrayList<>(CHUNK);
    private long read;

    /** A pass over {@code total} traces, reported on {@code context}; give it every row, then {@link #finish}, and close it. */
    EfficiencyPass(ReflectionMarkers markers, Grader grader, long total, TaskContext context) {
        this.markers = markers;
        this.grader = ThreadLocal.withInitial(() -> Graders.remembering(grader));
        this.total = total;
        this.context = context;
    }

    /** Takes the next trace, in the order of the run's columns. */
    void accept(TraceRow trace) {
        chunk.add(Row.of(trace));
        if (chunk.size() == CHUNK) {
            submit(chunk);
            chunk = new ArrayList<>(CHUNK);
            while (inFlight.size() > 2 * threads) {
                collector.add(inFlight.removeFirst());
            }
        }
        if (++read % 1024 == 0) {
            context.checkCancelled();
            context.progress(read, total);
        }
    }

    /** The facts of the analysed samples, in order. */
    List<SampleEfficiency> finish() {
        submit(chunk);
        chunk = new ArrayList<>();
        while (!inFlight.isEmpty()) {
            collector.add(inFlight.removeFirst());
        }
        return collector.facts;
    }

    /** Stops the worker threads, finished or not. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private void submit(List<Row> rows) {
        if (!rows.isEmpty()) {
            inFlight.addLast(new Chunk(
                    rows, workers.submit(() -> rows.stream().map(this::facts).toList())));
        }
    }

    private SampleEfficiency facts(Row row) {
        TraceStructure structure = TraceStructure.of(row.text, split(row), markers);
        return SampleEfficiency.of(structure, row.text.length(), row.tokens, row.gold, grader.get());
    }

    private ThinkingSplit split(Row row) {
        return splitter.split(
                row.text,
                row.thinkStart < 0 ? null : new ThinkingSpan(row.thinkStart, Math.max(row.thinkStart, row.thinkEnd)),
                row.truncated);
    }

    private record Chunk(List<Row> rows, Future<List<SampleEfficiency>> facts) {}

    /** Puts results back in row order, a problem's later round replacing what its earlier rounds gave. */
    private static final class Collector {
        private final List<SampleEfficiency> facts = new ArrayList<>();
        private long problem = Long.MIN_VALUE;
        private int round;
        private int problemStart;

        void add(Chunk chunk) {
            List<SampleEfficiency> results;
            try {
                results = chunk.facts.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskCancelledException();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException(e.getCause());
            }
            for (int i = 0; i < results.size(); i++) {
                Row row = chunk.rows.get(i);
                if (row.problemId != problem) {
                    problem = row.problemId;
                    round = row.round;
                    problemStart = facts.size();
                } else if (row.round != round) {
                    facts.subList(problemStart, facts.size()).clear();
                    round = row.round;
                }
                facts.add(results.get(i));
            }
        }
    }
}
