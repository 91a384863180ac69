package dev.ponder.core.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeLayoutTest {
    private static final double EPSILON = 1e-9;

    @Test
    void randomTreesKeepTheTidyInvariants() {
        Random random = new Random(20261123);
        for (int trial = 0; trial < 300; trial++) {
            SearchTree tree = Trees.random(random, 1 + random.nextInt(trial < 250 ? 120 : 3000));
            checkInvariants(tree, TreeLayout.of(tree));
        }
    }

    @Test
    void foldedAndNotYetCreatedNodesAreLeftOutAndTheRestStaysTidy() {
        Random random = new Random(7);
        for (int trial = 0; trial < 100; trial++) {
            SearchTree tree = Trees.random(random, 2 + random.nextInt(300));
            BitSet collapsed = new BitSet();
            for (int node = 0; node < tree.size(); node++) {
                if (random.nextInt(10) == 0) {
                    collapsed.set(node);
                }
            }
            int cut = tree.size() / 2;
            TreeLayout.Placement placement = TreeLayout.of(tree, collapsed, node -> node < cut || node % 3 == 0);
            for (int node = 1; node < tree.size(); node++) {
                boolean ancestorFolded = false;
                boolean ancestorMissing = false;
                for (int at = tree.parent(node); at >= 0; at = tree.parent(at)) {
                    ancestorFolded |= collapsed.get(at);
                }
                for (int at = node; at > 0; at = tree.parent(at)) {
                    ancestorMissing |= !(at < cut || at % 3 == 0);
                }
                assertThat(placement.isShown(node)).as("node %d", node).isEqualTo(!ancestorFolded && !ancestorMissing);
            }
            checkInvariants(tree, placement);
        }
    }

    @Test
    void aCompleteBinaryTreeIsLaidOutEvenly() {
        SearchTree tree = Trees.of(-1, 0, 0, 1, 1, 2, 2);
        double[] x = TreeLayout.of(tree).x();
        assertThat(new double[] {x[3], x[4], x[5], x[6]}).containsExactly(0, 1, 2, 3);
        assertThat(x[1]).isEqualTo(0.5);
        assertThat(x[2]).isEqualTo(2.5);
        assertThat(x[0]).isEqualTo(1.5);
    }

    @Test
    void smallSubtreesBetweenLargeOnesAreSpreadOutNotPiledLeft() {
        // Root with three children: a wide subtree, a leaf, a wide subtree. The middle leaf sits halfway.
        SearchTree tree = Trees.of(-1, 0, 0, 0, 1, 1, 1, 3, 3, 3);
        double[] x = TreeLayout.of(tree).x();
        assertThat(x[2]).isCloseTo((x[1] + x[3]) / 2, within(EPSILON));
    }

    @Test
    void aChainOfTenThousandStepsLaysOutWithoutRecursion() {
        int[] parent = new int[10_000];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i - 1;
        }
        SearchTree chain = Trees.of(parent);
        TreeLayout.Placement placement = TreeLayout.of(chain);
        assertThat(placement.depth()).isEqualTo(9_999);
        assertThat(placement.width()).isZero();
    }

    /** No two nodes of one depth closer than one unit; each parent centred over its children, kept in order. */
    private static void checkInvariants(SearchTree tree, TreeLayout.Placement placement) {
        double[] x = placement.x();
        Map<Integer, List<Integer>> byDepth = new HashMap<>();
        double min = Double.POSITIVE_INFINITY;
        for (int node : placement.shown()) {
            byDepth.computeIfAbsent(tree.depth(node), depth -> new ArrayList<>())
                    .add(node);
            min = Math.min(min, x[node]);
        }
        assertThat(min).isCloseTo(0, within(EPSILON));
        for (List<Integer> row : byDepth.values()) {
            row.sort(Comparator.comparingDouble(node -> x[node]));
            for (int i = 1; i < row.size(); i++) {
                assertThat(x[row.get(i)] - x[row.get(i - 1)])
                        .as("gap between %d and %d", row.get(i - 1), row.get(i))
                        .isGreaterThanOrEqualTo(TreeLayout.SEPARATION - EPSILON);
            }
        }
        for (int node : placement.shown()) {
            List<Integer> shownChildren = new ArrayList<>();
            for (int child : tree.children(node)) {
                if (placement.isShown(child)) {
                    shownChildren.add(child);
                }
            }
            if (shownChildren.isEmpty()) {
                continue;
            }
            for (int i = 1; i < shownChildren.size(); i++) {
                assertThat(x[shownChildren.get(i)]).isGreaterThan(x[shownChildren.get(i - 1)]);
            }
            double centre = (x[shownChildren.get(0)] + x[shownChildren.get(shownChildren.size() - 1)]) / 2;
            assertThat(x[node]).as("node %d centred over its children", node).isCloseTo(centre, within(1e-6));
        }
    }
}
