package dev.ponder.core.tree;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One node of a tree as the tree view shows it, whether it came from a search file or was derived from samples.
 *
 * @param key          the node's name in its source (rStar's {@code 0.1.2}, a TreeLog id), or a derived path
 * @param stepText     the reasoning step this node adds, or {@code null}
 * @param value        its value: MCTS Q, PRM step score, ToT value, Monte-Carlo value
 * @param visits       MCTS visit count, if the source has one
 * @param reward       the reward received on the edge into it, if the source has one
 * @param iteration    the search iteration it first appeared in, or {@code null} when always present
 * @param terminal     it ends a solution
 * @param pruned       the search dropped it (outside the kept beam)
 * @param answer       the answer it ends with, if terminal
 * @param correct      whether that answer is right, if graded
 * @param samples      how many samples pass through it (1 for a search node)
 * @param sampleId     the workspace id of a sample that ends here, or {@code 0}
 * @param valueHistory its value after each iteration that changed it (MCTS playback); empty when unknown
 */
public record SearchNode(
        String key,
        String stepText,
        Double value,
        Integer visits,
        Double reward,
        Integer iteration,
        boolean terminal,
        boolean pruned,
        String answer,
        Boolean correct,
        int samples,
        long sampleId,
        NavigableMap<Integer, Double> valueHistory) {
    public SearchNode {
        valueHistory = valueHistory == null || valueHistory.isEmpty()
                ? Collections.emptyNavigableMap()
                : Collections.unmodifiableNavigableMap(new TreeMap<>(valueHistory));
    }

    /** A node standing for the problem itself, above trees with several roots. */
    static SearchNode question() {
        return new SearchNode("question", null, null, null, null, null, false, false, null, null, 0, 0, null);
    }

    /**
     * Its value as it stood after {@code iteration}: the last recorded change up to then, else its final value;
     * iteration 0 is the finished search.
     */
    public Double valueAt(int iteration) {
        if (iteration <= 0) {
            return value;
        }
        var change = valueHistory.floorEntry(iteration);
        return change != null ? change.getValue() : valueHistory.isEmpty() ? value : null;
    }

    /** Every value it takes in the search: each recorded change and its final value. */
    public java.util.List<Double> allValues() {
        java.util.List<Double> all = new java.util.ArrayList<>(valueHistory.values());
        all.add(value);
        return all;
    }

    /** Whether it exists after {@code iteration} of the search (0: the finished search). */
    public boolean existsAt(int iteration) {
        return iteration <= 0 || this.iteration == null || this.iteration <= iteration;
    }
}
