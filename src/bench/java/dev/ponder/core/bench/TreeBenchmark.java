package dev.ponder.core.bench;

import dev.ponder.core.tree.SearchNode;
import dev.ponder.core.tree.SearchTree;
import dev.ponder.core.tree.TreeLayout;
import dev.ponder.core.tree.TreeOptions;
import dev.ponder.core.tree.TreeScene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * Synthetic search trees at a given size, in the shapes real ones take, and how long laying them out takes:
 * an MCTS tree (deep where visits concentrate), a beam search that keeps 5 of 20 proposals per level (most nodes
 * pruned leaves), and a prefix tree of samples (a trunk, then long unbranched tails).
 */
public final class TreeBenchmark {
    /** The shapes measured. */
    public enum Shape {
        MCTS,
        BEAM,
        PREFIX
    }

    /** Milliseconds for the layout alone and for the whole scene (layout, sizes, colours), best and median. */
    public record Measurement(
            Shape shape,
            int nodes,
            int depth,
            double layoutBestMs,
            double layoutMedianMs,
            double sceneBestMs,
            double sceneMedianMs) {}

    private TreeBenchmark() {}

    public static List<Measurement> run(int nodes, int repeats, long seed) {
        List<Measurement> results = new ArrayList<>();
        for (Shape shape : Shape.values()) {
            SearchTree tree = tree(shape, nodes, seed);
            double[] layout = new double[repeats];
            double[] scene = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                TreeLayout.of(tree);
                layout[i] = (System.nanoTime() - start) / 1e6;
                start = System.nanoTime();
                new TreeScene(tree, TreeOptions.DEFAULT.withCorrectPaths(true), new BitSet(), tree.size() - 1);
                scene[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(layout);
            Arrays.sort(scene);
            results.add(new Measurement(
                    shape, tree.size(), tree.maxDepth(), layout[0], layout[repeats / 2], scene[0], scene[repeats / 2]));
        }
        return results;
    }

    /** A deterministic tree of about {@code nodes} nodes of the given shape. */
    public static SearchTree tree(Shape shape, int nodes, long seed) {
        Random random = new Random(seed);
        int[] parent = new int[nodes];
        boolean[] pruned = new boolean[nodes];
        parent[0] = -1;
        switch (shape) {
            case MCTS -> {
                // Each new node extends a node chosen in proportion to how recently its branch was extended.
                for (int i = 1; i < nodes; i++) {
                    int at = i - 1;
                    while (at > 0 && random.nextDouble() < 0.35) {
                        at = parent[at];
                    }
                    parent[i] = random.nextDouble() < 0.2 ? random.nextInt(i) : at;
                }
            }
            case BEAM -> {
                List<Integer> beam = List.of(0);
                int next = 1;
                while (next < nodes) {
                    List<Integer> proposals = new ArrayList<>();
                    for (int state : beam) {
                        for (int k = 0; k < 4 && next < nodes; k++) {
                            parent[next] = state;
                            pruned[next] = true;
                            proposals.add(next++);
                        }
                    }
                    List<Integer> kept = new ArrayList<>();
                    for (int k = 0; k < 5 && !proposals.isEmpty(); k++) {
                        int chosen = proposals.remove(random.nextInt(proposals.size()));
                        pruned[chosen] = false;
                        kept.add(chosen);
                    }
                    beam = kept;
                }
            }
            case PREFIX -> {
                // 64 samples: shared openings, then each sample's own long tail of steps.
                int tails = 64;
                int trunk = Math.min(nodes - 1, 200);
                for (int i = 1; i <= trunk; i++) {
                    parent[i] = random.nextInt(i);
                }
                int perTail = Math.max(1, (nodes - 1 - trunk) / tails);
                int next = trunk + 1;
                for (int tail = 0; tail < tails && next < nodes; tail++) {
                    int at = 1 + random.nextInt(trunk);
                    for (int step = 0; step < perTail && next < nodes; step++) {
                        parent[next] = at;
                        at = next++;
                    }
                }
                while (next < nodes) {
                    parent[next] = next - 1;
                    next++;
                }
            }
        }
        List<SearchNode> list = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            list.add(new SearchNode(
                    String.valueOf(i),
                    "step " + i,
                    random.nextDouble(),
                    1 + random.nextInt(50),
                    null,
                    1 + i / 100,
                    false,
                    pruned[i],
                    null,
                    null,
                    1,
                    0,
                    null));
        }
        int[] childCount = new int[nodes];
        for (int i = 1; i < nodes; i++) {
            childCount[parent[i]]++;
        }
        for (int i = 0; i < nodes; i++) {
            if (childCount[i] == 0 && !pruned[i]) {
                SearchNode node = list.get(i);
                boolean right = random.nextDouble() < 0.3;
                list.set(
                        i,
                        new SearchNode(
                                node.key(),
                                node.stepText(),
                                node.value(),
                                node.visits(),
                                null,
                                node.iteration(),
                                true,
                                false,
                                right ? "42" : String.valueOf(random.nextInt(9)),
                                right,
                                1,
                                0,
                                null));
            }
        }
        return new SearchTree(list, parent, "\n", "Q");
    }
}
