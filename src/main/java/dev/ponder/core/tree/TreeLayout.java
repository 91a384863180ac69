package dev.ponder.core.tree;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A tidy tree layout in linear time (Walker's algorithm as corrected by Buchheim, Jünger and Leipert, 2002):
 * nodes of one depth never closer than one unit, each parent centred over its first and last child, subtrees
 * packed as closely as that allows, and a mirrored tree drawn as the mirror image. Written without recursion so
 * that a chain of ten thousand steps lays out too.
 *
 * <p>Breadth positions come out in units of the sibling distance; depth is the node's depth. The view turns
 * them into top-down or left-to-right pictures.
 */
public final class TreeLayout {
    /** The smallest distance between neighbours of one depth, in breadth units. */
    public static final double SEPARATION = 1.0;

    private final int[][] kids;
    private final int[] parentOf;
    private final int[] siblingIndex;
    private final double[] prelim;
    private final double[] mod;
    private final double[] shift;
    private final double[] change;
    private final int[] thread;
    private final int[] ancestor;

    private TreeLayout(int[][] kids, int[] parentOf, int[] siblingIndex) {
        this.kids = kids;
        this.parentOf = parentOf;
        this.siblingIndex = siblingIndex;
        int size = kids.length;
        prelim = new double[size];
        mod = new double[size];
        shift = new double[size];
        change = new double[size];
        thread = new int[size];
        ancestor = new int[size];
        Arrays.fill(thread, -1);
        for (int node = 0; node < size; node++) {
            ancestor[node] = node;
        }
    }

    /** Lays out every node. */
    public static Placement of(SearchTree tree) {
        return of(tree, new BitSet(), node -> true);
    }

    /**
     * Lays out the nodes that are shown: those that exist (playback) and are not inside a collapsed subtree.
     *
     * @param collapsed nodes whose children are hidden
     * @param exists    whether a node exists at the moment shown; the root always does
     */
    public static Placement of(SearchTree tree, BitSet collapsed, java.util.function.IntPredicate exists) {
        int size = tree.size();
        int[][] kids = new int[size][];
        int[] parentOf = new int[size];
        int[] siblingIndex = new int[size];
        Arrays.fill(parentOf, -1);
        for (int node = 0; node < size; node++) {
            if (collapsed.get(node)) {
                kids[node] = new int[0];
                continue;
            }
            int[] all = tree.children(node);
            int count = 0;
            for (int child : all) {
                if (exists.test(child)) {
                    count++;
                }
            }
            int[] shown = new int[count];
            int i = 0;
            for (int child : all) {
                if (exists.test(child)) {
                    shown[i] = child;
                    parentOf[child] = node;
                    siblingIndex[child] = i;
                    i++;
                }
            }
            kids[node] = shown;
        }
        TreeLayout layout = new TreeLayout(kids, parentOf, siblingIndex);
        layout.firstWalk();
        return layout.secondWalk(tree);
    }

    /** Post-order pass: preliminary positions relative to the parent, subtrees pushed apart. */
    private void firstWalk() {
        int size = kids.length;
        int[] defaultAncestor = new int[size];
        int[] stack = new int[size];
        int[] next = new int[size];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[top - 1];
            if (next[node] == 0 && kids[node].length > 0) {
                defaultAncestor[node] = kids[node][0];
            }
            if (next[node] < kids[node].length) {
                stack[top++] = kids[node][next[node]++];
                continue;
            }
            top--;
            place(node);
            int up = parentOf[node];
            if (up >= 0) {
                defaultAncestor[up] = apportion(node, defaultAncestor[up]);
            }
        }
    }

    private void place(int node) {
        int left = leftSibling(node);
        if (kids[node].length == 0) {
            prelim[node] = left >= 0 ? prelim[left] + SEPARATION : 0;
            return;
        }
        executeShifts(node);
        int[] children = kids[node];
        double midpoint = (prelim[children[0]] + prelim[children[children.length - 1]]) / 2;
        if (left >= 0) {
            prelim[node] = prelim[left] + SEPARATION;
            mod[node] = prelim[node] - midpoint;
        } else {
            prelim[node] = midpoint;
        }
    }

    private int apportion(int node, int defaultAncestor) {
        int left = leftSibling(node);
        if (left < 0) {
            return defaultAncestor;
        }
        int insideRight = node;
        int outsideRight = node;
        int insideLeft = left;
        int outsideLeft = kids[parentOf[node]][0];
        double shiftInsideRight = mod[insideRight];
        double shiftOutsideRight = mod[outsideRight];
        double shiftInsideLeft = mod[insideLeft];
        double shiftOutsideLeft = mod[outsideLeft];
        while (nextRight(insideLeft) >= 0 && nextLeft(insideRight) >= 0) {
            insideLeft = nextRight(insideLeft);
            insideRight = nextLeft(insideRight);
            outsideLeft = nextLeft(outsideLeft);
            outsideRight = nextRight(outsideRight);
            ancestor[outsideRight] = node;
            double gap = (prelim[insideLeft] + shiftInsideLeft) - (prelim[insideRight] + shiftInsideRight) + SEPARATION;
            if (gap > 0) {
                moveSubtree(ancestorOf(insideLeft, node, defaultAncestor), node, gap);
                shiftInsideRight += gap;
                shiftOutsideRight += gap;
            }
            shiftInsideLeft += mod[insideLeft];
            shiftInsideRight += mod[insideRight];
            shiftOutsideLeft += mod[outsideLeft];
            shiftOutsideRight += mod[outsideRight];
        }
        if (nextRight(insideLeft) >= 0 && nextRight(outsideRight) < 0) {
            thread[outsideRight] = nextRight(insideLeft);
            mod[outsideRight] += shiftInsideLeft - shiftOutsideRight;
        }
        if (nextLeft(insideRight) >= 0 && nextLeft(outsideLeft) < 0) {
            thread[outsideLeft] = nextLeft(insideRight);
            mod[outsideLeft] += shiftInsideRight - shiftOutsideLeft;
            return node;
        }
        return defaultAncestor;
    }

    private int ancestorOf(int insideLeft, int node, int defaultAncestor) {
        int candidate = ancestor[insideLeft];
        return parentOf[candidate] == parentOf[node] ? candidate : defaultAncestor;
    }

    private void moveSubtree(int leftRoot, int rightRoot, double amount) {
        int subtrees = siblingIndex[rightRoot] - siblingIndex[leftRoot];
        change[rightRoot] -= amount / subtrees;
        shift[rightRoot] += amount;
        change[leftRoot] += amount / subtrees;
        prelim[rightRoot] += amount;
        mod[rightRoot] += amount;
    }

    private void executeShifts(int node) {
        double moved = 0;
        double changed = 0;
        int[] children = kids[node];
        for (int i = children.length - 1; i >= 0; i--) {
            int child = children[i];
            prelim[child] += moved;
            mod[child] += moved;
            changed += change[child];
            moved += shift[child] + changed;
        }
    }

    private int nextLeft(int node) {
        return kids[node].length > 0 ? kids[node][0] : thread[node];
    }

    private int nextRight(int node) {
        return kids[node].length > 0 ? kids[node][kids[node].length - 1] : thread[node];
    }

    private int leftSibling(int node) {
        int up = parentOf[node];
        return up < 0 || siblingIndex[node] == 0 ? -1 : kids[up][siblingIndex[node] - 1];
    }

    /** Pre-order pass: absolute positions, shifted so the leftmost node sits at 0. */
    private Placement secondWalk(SearchTree tree) {
        int size = kids.length;
        double[] x = new double[size];
        Arrays.fill(x, Double.NaN);
        int[] stack = new int[size];
        double[] offset = new double[size];
        int top = 0;
        stack[top] = 0;
        offset[top++] = -prelim[0];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int deepest = 0;
        int shown = 0;
        while (top > 0) {
            top--;
            int node = stack[top];
            double m = offset[top];
            x[node] = prelim[node] + m;
            min = Math.min(min, x[node]);
            max = Math.max(max, x[node]);
            deepest = Math.max(deepest, tree.depth(node));
            shown++;
            for (int child : kids[node]) {
                stack[top] = child;
                offset[top++] = m + mod[node];
            }
        }
        for (int node = 0; node < size; node++) {
            if (!Double.isNaN(x[node])) {
                x[node] -= min;
            }
        }
        int[] order = new int[shown];
        int filled = 0;
        for (int node = 0; node < size; node++) {
            if (!Double.isNaN(x[node])) {
                order[filled++] = node;
            }
        }
        return new Placement(x, order, max - min, deepest);
    }

    /**
     * Where each node sits: breadth {@code x} (NaN when not shown) and depth, the extent of the picture, and the
     * shown nodes in index order.
     */
    public record Placement(double[] x, int[] shown, double width, int depth) {
        public boolean isShown(int node) {
            return !Double.isNaN(x[node]);
        }
    }
}
