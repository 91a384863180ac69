package dev.ponder.core.replay;

import dev.ponder.core.task.TaskContext;
import java.util.Locale;

/**
 * Counts a replay's finished samples and reports them with tokens/s and the time left, one sample at a time so
 * that the reports never go backwards. One spans every run of a budget sweep, so the time left is the sweep's.
 */
public final class ReplayProgress {
    private final TaskContext context;
    private final long start = System.nanoTime();
    private long total;
    private long done;
    private long tokens;
    private long generated;
    private String stage = "";

    /** @param alreadyDone samples a journal already held: done, but not generated now */
    public ReplayProgress(TaskContext context, long alreadyDone, long total) {
        this.context = context;
        this.done = alreadyDone;
        this.total = total;
    }

    /** Names the part of the replay running now (e.g. "Budget 64 (run 3 of 6)"). */
    public synchronized void stage(String name) {
        stage = name == null || name.isEmpty() ? "" : name + ". ";
    }

    /** Samples a journal already held when its run resumes. */
    public synchronized void alreadyDone(long samples) {
        done += samples;
        context.progress(done, total);
    }

    /** A sample kept without generating it (found in a journal, a branch's origin). */
    public synchronized void copied() {
        done++;
        context.progress(done, total);
    }

    public synchronized void sampleDone(int sampleTokens) {
        done++;
        generated++;
        tokens += sampleTokens;
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        long left = Math.round(seconds / generated * (total - done));
        context.progress(done, total);
        context.message(String.format(
                Locale.ROOT,
                "%sReplaying: %,d of %,d samples, %,.0f tokens/s, about %s left",
                stage,
                done,
                total,
                tokens / seconds,
                left >= 120 ? (left / 60) + " min" : left + " s"));
    }
}
