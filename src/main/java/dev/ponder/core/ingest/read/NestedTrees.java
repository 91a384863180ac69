package dev.ponder.core.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.record.IngestedTreeNode;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Walks a tree whose nodes nest their children (OmegaPRM's trees, any tree a field mapping names), depth first
 * and without recursion. A node's key is its path of child positions ({@code 0}, {@code 0.2}, {@code 0.2.1});
 * its file id is that path after the tree's number in the file, so the trees of one file never share ids.
 */
final class NestedTrees {
    /** Makes the stored node of one nested node; its ids are filled in by the walk. */
    @FunctionalInterface
    interface NodeMaker {
        TreeNode make(JsonNode node, String key, boolean leaf);
    }

    private NestedTrees() {}

    /** @param tree the tree's number in its file, from 1 */
    static void walk(
            JsonNode root,
            int tree,
            String problemKey,
            Function<JsonNode, List<JsonNode>> children,
            NodeMaker maker,
            SampleSink sink) {
        String prefix = "t" + tree + ":";
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {root, "0", null});
        while (!stack.isEmpty()) {
            Object[] next = stack.remove(stack.size() - 1);
            JsonNode node = (JsonNode) next[0];
            String key = (String) next[1];
            String parent = (String) next[2];
            List<JsonNode> below = children.apply(node);
            sink.treeNode(new IngestedTreeNode(
                    problemKey,
                    prefix + key,
                    parent == null ? null : prefix + parent,
                    maker.make(node, key, below.isEmpty())));
            for (int i = below.size() - 1; i >= 0; i--) {
                stack.add(new Object[] {below.get(i), key + "." + i, key});
            }
        }
    }
}
