package dev.ponder.core.service;

import dev.ponder.core.model.SearchHit;
import dev.ponder.core.store.TraceSearch;
import dev.ponder.core.store.Workspace;
import java.util.List;

/** Finds text in every trace of the workspace through each run's full-text index. */
public final class SearchService {
    private final Workspace workspace;

    SearchService(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * The samples whose text matches what was typed: a phrase, or an FTS5 query when it has quotes, AND, OR, NOT,
     * NEAR or a trailing {@code *}; at most {@code limit}, in the order they were imported.
     */
    public List<SearchHit> find(String typed, int limit) {
        return workspace.read(tables -> tables.traceSearch().query(TraceSearch.queryFor(typed), limit));
    }

    /** How many samples match what was typed, in every run. */
    public long count(String typed) {
        return workspace.read(tables -> tables.traceSearch().count(TraceSearch.queryFor(typed)));
    }
}
