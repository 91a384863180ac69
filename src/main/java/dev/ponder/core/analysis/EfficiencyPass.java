package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.task.TaskCancelledException;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import dev.ponder.core.trace.ThinkingSplit;
import dev.ponder.core.trace.ThinkingSplitter;
import dev.ponder.core.trace.TraceStructure;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
final class EfficiencyPass {
    private static final int CHUNK = 512;

    /** One trace as read, before it is taken apart. */
    private record Row(String text, int thinkStart, int thinkEnd, boolean truncated, int tokens, String gold,
                       long problemId, int round) {
    }

    private final ReflectionMarkers markers;
    private final Grader grader;
    private final ThinkingSplitter splitter = new ThinkingSplitter();

    EfficiencyPass(ReflectionMarkers markers, Grader grader) {
        this.markers = markers;
        this.grader = grader;
    }

    /** Reads every row the query gives and returns the facts of the analysed ones, in order. */
    List<SampleEfficiency> run(PreparedStatement query, long total, TaskContext context) throws SQLException {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ponder-trace-analysis");
            thread.setDaemon(true);
            return thread;
        });
        Collector collector = new Collector();
        Deque<Chunk> inFlight = new ArrayDeque<>();
        try (ResultSet rows = query.executeQuery()) {
            List<Row> chunk = new ArrayList<>(CHUNK);
            long read = 0;
            while (rows.next()) {
                chunk.add(row(rows));
                if (chunk.size() == CHUNK) {
                    submit(workers, chunk, inFlight);
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
            submit(workers, chunk, inFlight);
            while (!inFlight.isEmpty()) {
                collector.add(inFlight.removeFirst());
            }
            return collector.facts;
        } finally {
            workers.shutdownNow();
        }
    }

    private void submit(ExecutorService workers, List<Row> rows, Deque<Chunk> inFlight) {
        if (!rows.isEmpty()) {
            inFlight.addLast(new Chunk(rows, workers.submit(() -> rows.stream().map(this::facts).toList())));
        }
    }

    private SampleEfficiency facts(Row row) {
        TraceStructure structure = TraceStructure.of(row.text, split(row), markers);
        return SampleEfficiency.of(structure, row.text.length(), row.tokens, row.gold, grader);
    }

    private static Row row(ResultSet rows) throws SQLException {
        int start = rows.getInt(2);
        boolean stored = !rows.wasNull();
        int tokens = rows.getInt(5);
        if (rows.wasNull()) {
            tokens = rows.getInt(6);
        }
        return new Row(rows.getString(1), stored ? start : -1, rows.getInt(3), rows.getInt(4) != 0, tokens,
                rows.getString(7), rows.getLong(8), rows.getInt(9));
    }

    private ThinkingSplit split(Row row) {
        return splitter.split(row.text, row.thinkStart < 0 ? null : new ThinkingSpan(row.thinkStart,
                Math.max(row.thinkStart, row.thinkEnd)), row.truncated);
    }

    private record Chunk(List<Row> rows, Future<List<SampleEfficiency>> facts) {
    }

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
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
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
