package dev.ponder.core.replay;

import dev.ponder.core.model.Problem;
import dev.ponder.core.task.TaskCancelledException;
import dev.ponder.core.task.TaskContext;

import java.util.List;
import java.util.Locale;

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
        Progress progress = new Progress(context, journal.doneCount(), plan.units());
        try (SampleWorkers workers = new SampleWorkers(plan.concurrency(), "replay")) {
            for (Problem problem : plan.problems()) {
                for (int i = 0; i < plan.samples(); i++) {
                    String unit = unit(problem, budget, i);
                    if (journal.isDone(unit)) {
                        continue;
                    }
                    int index = i;
                    workers.submit(() -> {
                        if (context.isCancelled()) {
                            return null;
                        }
                        GenerationRequest sampling = ParallelSampling.forSample(plan.sampling(), index);
                        ReplayedTrace t = forcing.run(problem.question(), sampling, piece -> live.text(unit, piece),
                                context::isCancelled);
                        if (t.finish() == FinishReason.CANCELLED) {
                            return null;                    // not kept: a resumed replay runs it again
                        }
                        journal.append(problem, new ReplayJournal.Entry(unit, null, index, 0, budget,
                                sampling.seed(), t));
                        progress.sampleDone(t.tokensTotal());
                        return null;
                    });
                }
            }
            workers.awaitAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCancelledException();
        }
        context.checkCancelled();
        return progress.ran();
    }

    /** Counts finished samples and reports them, one sample at a time so that the reports never go backwards. */
    private static final class Progress {
        private final TaskContext context;
        private final long total;
        private final long start = System.nanoTime();
        private long done;
        private long tokens;
        private int ran;

        Progress(TaskContext context, long alreadyDone, long total) {
            this.context = context;
            this.done = alreadyDone;
            this.total = total;
        }

        synchronized int ran() {
            return ran;
        }

        synchronized void sampleDone(int sampleTokens) {
            done++;
            ran++;
            tokens += sampleTokens;
            double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            long left = Math.round(seconds / ran * (total - done));
            context.progress(done, total);
            context.message(String.format(Locale.ROOT, "Replaying: %,d of %,d samples, %,.0f tokens/s, about %s left",
                    done, total, tokens / seconds, left >= 120 ? (left / 60) + " min" : left + " s"));
        }
    }
}
