package dev.ponder.core.chart;

import java.util.function.Supplier;

/**
 * The problems and samples behind a mark of a chart, which clicking it opens in the workbench. Worked out only
 * when asked for (a curve point's problems need every problem's value at that k), then kept.
 */
public final class Selection {
    private final long runId;
    private final String description;
    private final Supplier<long[]> problemIds;
    private final Supplier<long[]> sampleIds;
    private long[] problems;
    private long[] samples;

    /**
     * @param description what the selection is, e.g. "wrong samples with 16,384–32,768 tokens"
     * @param problemIds  the problems (workspace ids), sorted
     * @param sampleIds   the samples (workspace ids), sorted, or an empty array when the selection is whole problems
     */
    public Selection(long runId, String description, Supplier<long[]> problemIds, Supplier<long[]> sampleIds) {
        this.runId = runId;
        this.description = description;
        this.problemIds = problemIds;
        this.sampleIds = sampleIds;
    }

    public long runId() {
        return runId;
    }

    public String description() {
        return description;
    }

    public synchronized long[] problemIds() {
        if (problems == null) {
            problems = problemIds.get();
        }
        return problems;
    }

    /** The samples; empty when the selection is whole problems. */
    public synchronized long[] sampleIds() {
        if (samples == null) {
            samples = sampleIds.get();
        }
        return samples;
    }
}
