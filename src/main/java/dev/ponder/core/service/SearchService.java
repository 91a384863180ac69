package dev.ponder.core.service;

import dev.ponder.core.model.SearchHit;
import dev.ponder.core.store.TraceIndexing;
import dev.ponder.core.store.TraceSearch;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.util.List;

/**
 * Finds text in every trace of the workspace through each run's full-text index, and builds the indexes that runs
 * still lack: an import commits a run's rows and figures first and its index after ({@link #indexPending}).
 */
public final class SearchService {
    private final Workspace workspace;
    private final TraceIndexing indexing;

    SearchService(Workspace workspace) {
        this.workspace = workspace;
        this.indexing = new TraceIndexing(workspace);
    }

    /**
     * The samples whose text matches what was typed: a phrase, or an FTS5 query when it has quotes, AND, OR, NOT,
     * NEAR or a trailing {@code *}; at most {@code limit}, in the order they were imported. Runs whose index is still
     * to be built are indexed first, reported on {@code context} (in a read-only workspace they are left out: see
     * {@link #unindexedRuns()}).
     */
    public List<SearchHit> find(String typed, int limit, TaskContext context) {
        String query = TraceSearch.queryFor(typed);
        indexPending(context);
        return workspace.read(tables -> tables.traceSearch().query(query, limit));
    }

    /** As {@link #find(String, int, TaskContext)}, indexing without reporting. */
    public List<SearchHit> find(String typed, int limit) {
        return find(typed, limit, TaskContext.NONE);
    }

    /** How many samples match what was typed, in every run that is searchable. */
    public long count(String typed) {
        return workspace.read(tables -> tables.traceSearch().count(TraceSearch.queryFor(typed)));
    }

    /** The runs whose traces are not searchable yet: imported, their index still to be built. */
    public List<Long> unindexedRuns() {
        return indexing.unindexedRuns();
    }

    /**
     * Builds the index of every run that lacks one, a run at a time, each whole or not at all; reported on {@code
     * context} and stopped when it is cancelled (the runs not indexed yet are indexed the next time). Two callers at
     * once build each index once: the second waits, then finds it built. Nothing to do in a read-only workspace.
     */
    public void indexPending(TaskContext context) {
        if (workspace.readOnly()) {
            return;
        }
        List<Long> runs = indexing.unindexedRuns();
        for (int i = 0; i < runs.size(); i++) {
            long runId = runs.get(i);
            String which = runs.size() == 1 ? "" : " (" + (i + 1) + " of " + runs.size() + ")";
            workspace.exclusively(
                    "trace-index#" + runId,
                    () -> indexing.index(runId, (traces, of) -> {
                        context.checkCancelled();
                        context.progress(traces, of);
                        context.message(String.format(
                                "Making the traces of run %d searchable%s: %,d of %,d", runId, which, traces, of));
                    }));
        }
    }
}
