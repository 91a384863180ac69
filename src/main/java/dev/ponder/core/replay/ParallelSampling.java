package dev.ponder.core.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * N independent samples of one question (self-consistency, best-of-N), sample i drawn with seed
 * {@code seed + i} so that a replay can be repeated exactly; and First Finish Search (arXiv 2505.18149),
 * which starts n samples and keeps the first to finish, cancelling the rest.
 */
public final class ParallelSampling {
    private final BudgetForcing one;

    public ParallelSampling(ModelBackend model, PromptTemplate template, BudgetForcing.Params perSample) {
        this.one = new BudgetForcing(model, template, perSample);
    }

    /**
     * The base seed of one problem in a replay: the first 31 bits of SHA-256 of {@code "seed/problemKey"}. Sample i of
     * the problem is drawn with this + i. Without it, sample i of every problem would share one random stream, and a
     * stream that happens to draw unlikely tokens early would spoil sample i everywhere at once (seen on the tiny
     * reasoner: sample 0 right on 6 % of problems, the others on 20 %).
     */
    public static long problemSeed(long seed, String problemKey) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((seed + "/" + problemKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return ((digest[0] & 0x7fL) << 24)
                    | ((digest[1] & 0xffL) << 16)
                    | ((digest[2] & 0xffL) << 8)
                    | (digest[3] & 0xffL);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same request drawing with the problem's own base seed. */
    public static GenerationRequest forProblem(GenerationRequest sampling, String problemKey) {
        return new GenerationRequest(
                sampling.prompt(),
                sampling.maxTokens(),
                sampling.temperature(),
                sampling.topP(),
                problemSeed(sampling.seed(), problemKey),
                sampling.stop());
    }

    /** The seed sample {@code index} is drawn with. */
    public static GenerationRequest forSample(GenerationRequest sampling, int index) {
        return new GenerationRequest(
                sampling.prompt(),
                sampling.maxTokens(),
                sampling.temperature(),
                sampling.topP(),
                sampling.seed() + index,
                sampling.stop());
    }

    /** {@code n} samples, {@code concurrency} at a time; returned in sample order. */
    public List<ReplayedTrace> sample(
            String question,
            int n,
            int concurrency,
            GenerationRequest sampling,
            Streams streams,
            BooleanSupplier cancelled)
            throws ReplayException {
        return runAll(question, n, concurrency, sampling, streams, cancelled, false).all;
    }

    /** First Finish Search: the index of the first of {@code n} samples to end its turn, and all n traces. */
    public Outcome firstFinish(
            String question, int n, GenerationRequest sampling, Streams streams, BooleanSupplier cancelled)
            throws ReplayException {
        return runAll(question, n, n, sampling, streams, cancelled, true);
    }

    /** Streams for each sample's text, by sample index. */
    @FunctionalInterface
    public interface Streams {
        Streams NONE = index -> ModelBackend.TextStream.NONE;

        ModelBackend.TextStream of(int index);
    }

    /** All traces (the others cancelled in a First Finish Search) and the winner's index, -1 if none finished. */
    public record Outcome(List<ReplayedTrace> all, int first) {}

    private Outcome runAll(
            String question,
            int n,
            int concurrency,
            GenerationRequest sampling,
            Streams streams,
            BooleanSupplier cancelled,
            boolean firstWins)
            throws ReplayException {
        if (n < 1 || concurrency < 1) {
            throw new IllegalArgumentException("n and concurrency must be at least 1");
        }
        AtomicBoolean won = new AtomicBoolean();
        int[] first = {-1};
        BooleanSupplier stop = () -> cancelled.getAsBoolean() || (firstWins && won.get());
        try (SampleWorkers workers = new SampleWorkers(Math.min(n, concurrency), "replay-sample")) {
            List<Future<ReplayedTrace>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(workers.submit("sample " + index, () -> {
                    ReplayedTrace t = one.run(question, forSample(sampling, index), streams.of(index), stop);
                    if (firstWins && t.finish() == FinishReason.STOP && won.compareAndSet(false, true)) {
                        first[0] = index;
                    }
                    return t;
                }));
            }
            List<ReplayedTrace> traces = new ArrayList<>();
            for (Future<ReplayedTrace> f : futures) {
                traces.add(SampleWorkers.result(f));
            }
            return new Outcome(traces, first[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("Interrupted while sampling", e);
        }
    }
}
