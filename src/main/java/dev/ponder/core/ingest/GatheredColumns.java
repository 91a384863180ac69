package dev.ponder.core.ingest;

import dev.ponder.core.analysis.ColumnsCollector;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.model.Sample;
import java.util.HashMap;
import java.util.Map;

/**
 * The columns of each run an import makes, gathered as its samples are written, so the runs' figures need no read of
 * the sample table. Up to {@link #MOST} samples in all (about 100 MB of heap); past that nothing is gathered and the
 * columns are read from the table when first asked for.
 */
final class GatheredColumns {
    static final long MOST = 2_000_000;

    private final Map<Long, ColumnsCollector> runs = new HashMap<>();
    private long samples;

    /** Takes a sample of the run as it is stored. */
    void add(long runId, Sample sample) {
        if (++samples > MOST) {
            runs.clear();
            return;
        }
        runs.computeIfAbsent(runId, id -> new ColumnsCollector()).add(sample);
    }

    /** Each run's columns; empty when there were too many samples to gather. */
    Map<Long, RunColumns> columns() {
        Map<Long, RunColumns> columns = new HashMap<>();
        runs.forEach((id, collector) -> columns.put(id, collector.columns()));
        return columns;
    }
}
