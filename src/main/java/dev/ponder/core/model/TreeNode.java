package dev.ponder.core.model;

/**
 * A node of a search tree (beam search, MCTS, tree of thought) over reasoning steps.
 *
 * @param id        the workspace's id; {@code 0} for a node not stored yet
 * @param runId     the run it belongs to; {@code 0} while not stored
 * @param problemId the problem being searched; {@code 0} while not stored
 * @param parentId  the parent node, {@code null} for a root
 * @param nodeKey   the node's name in its source, e.g. rStar's {@code 0.1.2}
 * @param iteration the search iteration that created (or last updated) it, if the source says
 * @param stepText  the reasoning step this node adds
 * @param value     the node's value estimate (e.g. MCTS Q or PRM score)
 * @param visits    visit count
 * @param prior     prior probability of choosing it
 * @param reward    the reward received on reaching it
 * @param terminal  true when the node ends a solution
 * @param pruned    true for candidates the search dropped (e.g. outside the kept beam)
 * @param answer    the answer a terminal node reached
 * @param correct   whether that answer is right, if graded
 * @param metaJson  further fields of the source as a JSON object, or {@code null}
 */
public record TreeNode(
        long id,
        long runId,
        long problemId,
        Long parentId,
        String nodeKey,
        Integer iteration,
        String stepText,
        Double value,
        Integer visits,
        Double prior,
        Double reward,
        boolean terminal,
        boolean pruned,
        String answer,
        Boolean correct,
        String metaJson) {
    public TreeNode {
        Checks.nonNegative(id, "id");
        if (visits != null && visits < 0) {
            throw new IllegalArgumentException("visits must not be negative, was " + visits);
        }
    }

    /** The same node as stored under the given ids. */
    public TreeNode stored(long newId, long newRunId, long newProblemId, Long newParentId) {
        return new TreeNode(
                newId,
                newRunId,
                newProblemId,
                newParentId,
                nodeKey,
                iteration,
                stepText,
                value,
                visits,
                prior,
                reward,
                terminal,
                pruned,
                answer,
                correct,
                metaJson);
    }
}
