package dev.ponder.core.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Trees for tests: random shapes and hand-made small ones. */
final class Trees {
    private Trees() {}

    static SearchNode node(String key) {
        return new SearchNode(key, "step " + key, null, null, null, null, false, false, null, null, 1, 0, null);
    }

    static SearchNode valued(String key, double value, int visits) {
        return new SearchNode(key, "step " + key, value, visits, null, null, false, false, null, null, 1, 0, null);
    }

    /** A tree from parent indices (the root's is -1). */
    static SearchTree of(int... parent) {
        List<SearchNode> nodes = new ArrayList<>();
        for (int i = 0; i < parent.length; i++) {
            nodes.add(node(String.valueOf(i)));
        }
        return new SearchTree(nodes, parent, "\n", "value");
    }

    /**
     * A random tree of {@code size} nodes of one of several shapes: each node's parent drawn uniformly from the
     * earlier nodes (bushy and shallow), from the last few (long and thin), or preferring wide fan-outs.
     */
    static SearchTree random(Random random, int size) {
        int[] parent = new int[size];
        parent[0] = -1;
        int shape = random.nextInt(3);
        for (int i = 1; i < size; i++) {
            parent[i] = switch (shape) {
                case 0 -> random.nextInt(i);
                case 1 -> Math.max(0, i - 1 - random.nextInt(Math.min(i, 4)));
                default -> random.nextInt(Math.max(1, (int) Math.sqrt(i)));
            };
        }
        return of(parent);
    }
}
