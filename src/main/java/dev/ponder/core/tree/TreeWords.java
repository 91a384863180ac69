package dev.ponder.core.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A tree and its nodes in words, for the Tree tab's status line and node inspector. */
public final class TreeWords {
    private TreeWords() {}

    /** "Search tree of problem P: 1,204 nodes, depth 9 · 40 ends, 12 right · 40 iterations". */
    public static String summary(SearchTree tree, String source, String problem) {
        int terminal = 0;
        int right = 0;
        for (SearchNode node : tree.nodes()) {
            if (node.terminal()) {
                terminal++;
                if (Boolean.TRUE.equals(node.correct())) {
                    right++;
                }
            }
        }
        String ends = terminal == 0 ? "" : String.format(Locale.ROOT, " · %d ends, %d right", terminal, right);
        String playback = tree.lastIteration() > 1 ? " · " + tree.lastIteration() + " iterations" : "";
        return String.format(
                Locale.ROOT,
                "%s of problem %s: %,d nodes, depth %d%s%s",
                source,
                problem,
                tree.size(),
                tree.maxDepth(),
                ends,
                playback);
    }

    /**
     * A node's numbers: its value as it stands ({@code value}: at the moment played back, else the node's own),
     * visits, reward, samples through it, the iteration that made it, its answer and verdict, its children.
     */
    public static String facts(SearchTree tree, int node, Double value) {
        SearchNode data = tree.node(node);
        List<String> facts = new ArrayList<>();
        if (value != null) {
            facts.add(tree.valueName() + " " + TreeScene.number(value));
        }
        if (data.visits() != null) {
            facts.add(data.visits() + " visits");
        }
        if (data.reward() != null) {
            facts.add("reward " + TreeScene.number(data.reward()));
        }
        if (data.samples() > 1) {
            facts.add(data.samples() + " samples through it");
        }
        if (data.iteration() != null && tree.lastIteration() > 0) {
            facts.add("from iteration " + data.iteration());
        }
        if (data.answer() != null) {
            facts.add("answer " + data.answer() + (data.correct() == null ? "" : data.correct() ? " ✓" : " ✗"));
        }
        if (tree.children(node).length > 0) {
            int children = tree.children(node).length;
            facts.add(children + (children == 1 ? " child" : " children"));
        }
        return String.join(" · ", facts);
    }
}
