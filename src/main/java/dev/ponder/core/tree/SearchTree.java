package dev.ponder.core.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * A rooted tree of reasoning steps held as arrays, so that trees of tens of thousands of nodes lay out and draw
 * without object churn. Node 0 is the root; each node knows its parent, its children in order and its depth.
 */
public final class SearchTree {
    private final List<SearchNode> nodes;
    private final int[] parent;
    private final int[][] children;
    private final int[] depth;
    private final String stepSeparator;
    private final String valueName;
    private final int lastIteration;

    /**
     * @param nodes         the nodes, the root first
     * @param parent        each node's parent index, {@code -1} for the root
     * @param stepSeparator what joins the steps of a path into its text
     * @param valueName     what the nodes' value is, for legends ("Q", "PRM score")
     */
    public SearchTree(List<SearchNode> nodes, int[] parent, String stepSeparator, String valueName) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a tree needs at least its root");
        }
        if (parent.length != nodes.size() || parent[0] != -1) {
            throw new IllegalArgumentException("node 0 must be the root and every node needs a parent entry");
        }
        this.nodes = List.copyOf(nodes);
        this.parent = parent.clone();
        this.stepSeparator = Objects.requireNonNull(stepSeparator, "stepSeparator");
        this.valueName = Objects.requireNonNull(valueName, "valueName");
        int size = nodes.size();
        int[] childCount = new int[size];
        for (int node = 1; node < size; node++) {
            int up = parent[node];
            if (up < 0 || up >= size || up == node) {
                throw new IllegalArgumentException("node " + node + " has no valid parent (" + up + ")");
            }
            childCount[up]++;
        }
        children = new int[size][];
        for (int node = 0; node < size; node++) {
            children[node] = new int[childCount[node]];
        }
        int[] filled = new int[size];
        for (int node = 1; node < size; node++) {
            children[parent[node]][filled[parent[node]]++] = node;
        }
        depth = new int[size];
        Arrays.fill(depth, -1);
        depth[0] = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        int reached = 0;
        while (!queue.isEmpty()) {
            int node = queue.poll();
            reached++;
            for (int child : children[node]) {
                depth[child] = depth[node] + 1;
                queue.add(child);
            }
        }
        if (reached != size) {
            throw new IllegalArgumentException((size - reached) + " nodes are not below the root (a cycle)");
        }
        int last = 0;
        for (SearchNode node : nodes) {
            if (node.iteration() != null) {
                last = Math.max(last, node.iteration());
            }
        }
        lastIteration = last;
    }

    public int size() {
        return nodes.size();
    }

    public SearchNode node(int index) {
        return nodes.get(index);
    }

    public List<SearchNode> nodes() {
        return nodes;
    }

    public int parent(int node) {
        return parent[node];
    }

    /** The node's children in their source order; do not modify. */
    public int[] children(int node) {
        return children[node];
    }

    public int depth(int node) {
        return depth[node];
    }

    public int maxDepth() {
        int max = 0;
        for (int d : depth) {
            max = Math.max(max, d);
        }
        return max;
    }

    public String valueName() {
        return valueName;
    }

    public boolean isLeaf(int node) {
        return children[node].length == 0;
    }

    /** The last search iteration any node appeared in; 0 when the source records none (no playback). */
    public int lastIteration() {
        return lastIteration;
    }

    /** The nodes from the root down to {@code node}, both included. */
    public int[] pathTo(int node) {
        int[] path = new int[depth[node] + 1];
        for (int at = node, i = path.length - 1; at >= 0; at = parent[at], i--) {
            path[i] = at;
        }
        return path;
    }

    /** The text of the path to {@code node}: its steps from the root on, joined. */
    public String cumulativeText(int node) {
        List<String> steps = new ArrayList<>();
        for (int at : pathTo(node)) {
            String step = nodes.get(at).stepText();
            if (step != null && !step.isEmpty()) {
                steps.add(step);
            }
        }
        return String.join(stepSeparator, steps);
    }

    /**
     * The path the search would report: from the root, always into the kept child of highest value (more visits
     * breaking ties, then the earlier child), down to a leaf. Pruned candidates are never followed.
     */
    public int[] bestPath() {
        return bestPath(0);
    }

    /** The best path as it stood after {@code iteration} (0: the finished search): only nodes that existed then. */
    public int[] bestPath(int iteration) {
        int at = 0;
        while (true) {
            int best = -1;
            for (int child : children[at]) {
                SearchNode node = nodes.get(child);
                if (!node.pruned() && node.existsAt(iteration) && (best < 0 || better(child, best, iteration))) {
                    best = child;
                }
            }
            if (best < 0) {
                return pathTo(at);
            }
            at = best;
        }
    }

    private boolean better(int a, int b, int iteration) {
        SearchNode x = nodes.get(a);
        SearchNode y = nodes.get(b);
        Double valueX = x.valueAt(iteration);
        Double valueY = y.valueAt(iteration);
        double vx = valueX == null ? Double.NEGATIVE_INFINITY : valueX;
        double vy = valueY == null ? Double.NEGATIVE_INFINITY : valueY;
        if (vx != vy) {
            return vx > vy;
        }
        int nx = x.visits() == null ? 0 : x.visits();
        int ny = y.visits() == null ? 0 : y.visits();
        return nx > ny;
    }

    /** Every node on a path from the root to a node whose answer is graded correct. */
    public BitSet pathsToCorrect() {
        BitSet on = new BitSet(size());
        for (int node = 0; node < size(); node++) {
            if (Boolean.TRUE.equals(nodes.get(node).correct())) {
                for (int at = node; at >= 0 && !on.get(at); at = parent[at]) {
                    on.set(at);
                }
            }
        }
        return on;
    }

    /** How many nodes of the subtree under {@code node}, itself included. */
    public int subtreeSize(int node) {
        int count = 0;
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            int at = stack.pop();
            count++;
            for (int child : children[at]) {
                stack.push(child);
            }
        }
        return count;
    }
}
