package dev.ponder.core.ingest.record;

import dev.ponder.core.model.TreeNode;
import java.util.Objects;

/**
 * A search-tree node as a reader found it: its problem (by key), the file's id for it and for its parent
 * (a parent may come before or after its children in the file). The node's own ids are left {@code 0}.
 */
public record IngestedTreeNode(String problemKey, String fileId, String parentFileId, TreeNode node) {
    public IngestedTreeNode {
        Objects.requireNonNull(problemKey, "problemKey");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(node, "node");
    }
}
