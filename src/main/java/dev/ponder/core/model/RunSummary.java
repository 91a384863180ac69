package dev.ponder.core.model;

import java.util.Objects;

/**
 * A run with the counts shown wherever runs are listed.
 *
 * @param problems       distinct problems with at least one sample or search-tree node
 * @param samples        all samples of the run
 * @param treeNodes      all search-tree nodes of the run
 * @param gradedSamples  samples with a verdict (correct or wrong)
 * @param accuracy       mean correctness over graded samples, or {@code null} when none is graded
 */
public record RunSummary(Run run, int problems, int samples, int treeNodes, int gradedSamples, Double accuracy) {
    public RunSummary {
        Objects.requireNonNull(run, "run");
    }
}
