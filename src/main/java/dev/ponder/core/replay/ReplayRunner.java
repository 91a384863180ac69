package dev.ponder.core.replay;

import dev.ponder.core.model.Problem;
import dev.ponder.core.task.TaskCancelledException;
import dev.ponder.core.task.TaskContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs budget forcing (or plain sampling: a budget of 0) over a set of problems, {@code samples} per problem,
 * {@code concurrency} at a time, keeping every finished sample in the journal at once and skipping what the
 * journal already holds. Reports samples done, tokens/s and the time left; Cancel stops the running samples.
 */
public final class ReplayRunner {

    /** What to run: per problem {@code samples} samples, sample i drawn with seed {@code sampling.seed() + i}. */
    public record Plan(List<Problem> problems, int samples, BudgetForcing.Params forcing, GenerationRequest sampling,
                       int concurrency) {
        public Plan {
            problems = List.copyOf(problems);
            if (samples < 1 || concurrency < 1) {
                throw new IllegalArgumentException("samples and concurrency must be at least 1");
            }
        }

        int units() {
            return problems.size() * samples;
        }
    }

    /** Streams of the samples running now, by unit, for a live view. */
    @FunctionalInterface
    public interface LiveText {
        LiveText NONE = (unit, piece) -> {
        };

        void text(String unit, String piece);
    }

    private final ModelBackend model;
    private final PromptTemplate template;

    public ReplayRunner(ModelBackend model, PromptTemplate template) {
        this.model = model;
        this.template = template;
    }

    /** The unit name a sample has in the journal. */
    public static String unit(Problem problem, Integer budget, int sample) {
        return problem.key() + (budget == null ? "" : "/b" + budget) + "/s" + sample;
    }

    /** Runs what the journal lacks; returns how many samples this call finished. */
    public int run(Plan plan, ReplayJournal journal, LiveText live, TaskContext context) throws ReplayException {
        Integer budget = plan.forcing().budget() > 0 ? plan.forcing().budget() : null;
        BudgetForcing forcing = new BudgetForcing(model, template, plan.forcing());
        AtomicLong tokens = new AtomicLong();
        AtomicLong finished = new AtomicLong(journal.doneCount());
        long total = plan.units();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(plan.concurrency(), r -> {
            Thread t = new Thread(r, "replay");
            t.setDaemon(true);
            return t;
        });
        List<Future<Void>> futures = new ArrayList<>();
        AtomicInteger ran = new AtomicInteger();
        try {
            for (Problem problem : plan.problems()) {
                for (int i = 0; i < plan.samples(); i++) {
                    String unit = unit(problem, budget, i);
                    if (journal.isDone(unit)) {
                        continue;
                    }
                    int index = i;
                    futures.add(pool.submit(() -> {
                        if (context.isCancelled()) {
                            return null;
                        }
                        ReplayedTrace t = forcing.run(problem.question(),
                                ParallelSampling.forSample(plan.sampling(), index),
                                piece -> live.text(unit, piece), context::isCancelled);
                        if (t.finish() == FinishReason.CANCELLED) {
                            return null;                    // not kept: a resumed replay runs it again
                        }
                        journal.append(problem, new ReplayJournal.Entry(unit, null, index, 0, budget,
                                plan.sampling().seed() + index, t));
                        int ranNow = ran.incrementAndGet();
                        long spent = tokens.addAndGet(t.tokensTotal());
                        long done = finished.incrementAndGet();
                        report(context, done, total, spent, ranNow, start);
                        return null;
                    }));
                }
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            if (e.getCause() instanceof ReplayException r) {
                throw r;
            }
            throw new ReplayException("A replayed sample failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException();
        } finally {
            pool.shutdownNow();
        }
        context.checkCancelled();
        return ran.get();
    }

    private static void report(TaskContext context, long done, long total, long tokens, int ranNow, long start) {
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        double perSample = seconds / Math.max(1, ranNow);
        long left = Math.round(perSample * (total - done));
        context.progress(done, total);
        context.message(String.format(Locale.ROOT, "Replaying: %,d of %,d samples, %,.0f tokens/s, about %s left",
                done, total, tokens / seconds, left >= 120 ? (left / 60) + " min" : left + " s"));
    }
}
