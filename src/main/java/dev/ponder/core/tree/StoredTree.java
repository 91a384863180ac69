package dev.ponder.core.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.model.TreeNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A search tree read from a file (the workspace's {@code tree_node} rows) as a {@link SearchTree}. */
public final class StoredTree {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredTree() {}

    /**
     * The tree of a problem's stored nodes. One root stays the root; several (or a node whose parent is
     * missing) hang under a node standing for the question.
     */
    public static SearchTree of(List<TreeNode> stored) {
        if (stored.isEmpty()) {
            throw new IllegalArgumentException("the problem has no search-tree nodes in this run");
        }
        Map<Long, Integer> indexOfId = new HashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            indexOfId.put(stored.get(i).id(), i);
        }
        List<Integer> roots = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Long parentId = stored.get(i).parentId();
            if (parentId == null || !indexOfId.containsKey(parentId)) {
                roots.add(i);
            }
        }
        boolean synthetic = roots.size() != 1;
        int shiftBy = synthetic ? 1 : 0;
        int rootIndex = synthetic ? -1 : roots.get(0);
        // Tree index of each stored node: the single root goes first, everything else keeps its order.
        int[] treeIndex = new int[stored.size()];
        int next = 1;
        for (int i = 0; i < stored.size(); i++) {
            treeIndex[i] = i == rootIndex ? 0 : next++;
        }
        int size = stored.size() + shiftBy;
        SearchNode[] nodes = new SearchNode[size];
        int[] parent = new int[size];
        if (synthetic) {
            nodes[0] = SearchNode.question();
            parent[0] = -1;
        }
        for (int i = 0; i < stored.size(); i++) {
            TreeNode node = stored.get(i);
            int at = treeIndex[i];
            nodes[at] = node(node);
            Integer up = node.parentId() == null ? null : indexOfId.get(node.parentId());
            parent[at] = at == 0 ? -1 : up == null ? 0 : treeIndex[up];
        }
        boolean visited = stored.stream()
                .anyMatch(node -> node.visits() != null
                        || node.metaJson() != null && node.metaJson().contains("q_by_iteration"));
        return new SearchTree(List.of(nodes), parent, "\n", visited ? "Q" : "value");
    }

    private static SearchNode node(TreeNode node) {
        return new SearchNode(
                node.nodeKey() == null ? String.valueOf(node.id()) : node.nodeKey(),
                node.stepText(),
                node.value(),
                node.visits(),
                node.reward(),
                node.iteration(),
                node.terminal(),
                node.pruned(),
                node.answer(),
                node.correct(),
                1,
                0,
                history(node.metaJson()));
    }

    /** TreeLog's Q after each iteration, kept by the importer as {@code q_by_iteration}. */
    private static TreeMap<Integer, Double> history(String metaJson) {
        TreeMap<Integer, Double> history = new TreeMap<>();
        if (metaJson == null || !metaJson.contains("q_by_iteration")) {
            return history;
        }
        try {
            JsonNode byIteration = JSON.readTree(metaJson).path("q_by_iteration");
            for (Iterator<Map.Entry<String, JsonNode>> it = byIteration.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getValue().isNumber()) {
                    history.put(
                            Integer.parseInt(entry.getKey()), entry.getValue().doubleValue());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return new TreeMap<>(); // a hand-edited meta field without usable history: no playback values
        }
        return history;
    }
}
