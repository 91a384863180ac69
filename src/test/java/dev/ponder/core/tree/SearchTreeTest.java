package dev.ponder.core.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.model.TreeNode;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SearchTreeTest {

    /** root → a (Q .4, 10 visits), b (Q .7, 3 visits, pruned), c (Q .4, 12 visits); c → d (right), e (wrong). */
    private static SearchTree search() {
        List<SearchNode> nodes = List.of(
                Trees.valued("root", 0.5, 25),
                Trees.valued("a", 0.4, 10),
                new SearchNode("b", "step b", 0.7, 3, null, null, false, true, null, null, 1, 0, null),
                Trees.valued("c", 0.4, 12),
                new SearchNode("d", "step d", 0.9, 8, null, null, true, false, "12", true, 1, 0, null),
                new SearchNode("e", "step e", 0.1, 4, null, null, true, false, "13", false, 1, 0, null));
        return new SearchTree(nodes, new int[] {-1, 0, 0, 0, 3, 3}, "\n", "Q");
    }

    @Test
    void theBestPathFollowsTheHighestValueNeverIntoPrunedCandidatesAndVisitsBreakTies() {
        assertThat(search().bestPath()).containsExactly(0, 3, 4);
    }

    @Test
    void midPlaybackTheBestPathUsesTheValuesAndNodesOfThatIteration() {
        TreeMap<Integer, Double> early = new TreeMap<>();
        early.put(1, 0.9);
        early.put(3, 0.2);
        List<SearchNode> nodes = List.of(
                Trees.node("root"),
                new SearchNode("a", null, 0.2, null, null, 1, false, false, null, null, 1, 0, early),
                new SearchNode("b", null, 0.5, null, null, 2, false, false, null, null, 1, 0, null));
        SearchTree tree = new SearchTree(nodes, new int[] {-1, 0, 0}, "\n", "Q");
        assertThat(tree.bestPath(1)).as("b does not exist yet").containsExactly(0, 1);
        assertThat(tree.bestPath(2)).as("a's Q was 0.9 then").containsExactly(0, 1);
        assertThat(tree.bestPath(3)).containsExactly(0, 2);
        assertThat(tree.bestPath()).containsExactly(0, 2);
    }

    @Test
    void pathsToRightAnswersMarkEveryNodeOnThem() {
        assertThat(search().pathsToCorrect().stream().toArray()).containsExactly(0, 3, 4);
    }

    @Test
    void aPathsTextJoinsItsSteps() {
        SearchTree tree = search();
        assertThat(tree.pathTo(5)).containsExactly(0, 3, 5);
        assertThat(tree.cumulativeText(5)).isEqualTo("step root\nstep c\nstep e");
        assertThat(tree.depth(5)).isEqualTo(2);
        assertThat(tree.subtreeSize(3)).isEqualTo(3);
    }

    @Test
    void playbackShowsEachNodeFromItsIterationWithItsValueThen() {
        TreeMap<Integer, Double> history = new TreeMap<>();
        history.put(2, 0.3);
        history.put(5, 0.6);
        SearchNode node = new SearchNode("n", null, 0.6, null, null, 2, false, false, null, null, 1, 0, history);
        assertThat(node.existsAt(1)).isFalse();
        assertThat(node.existsAt(2)).isTrue();
        assertThat(node.valueAt(1)).isNull();
        assertThat(node.valueAt(4)).isEqualTo(0.3);
        assertThat(node.valueAt(9)).isEqualTo(0.6);
    }

    @Test
    void storedNodesWithSeveralRootsHangUnderTheQuestionAndKeepTheirHistory() {
        List<TreeNode> stored = List.of(
                new TreeNode(
                        10,
                        1,
                        1,
                        null,
                        "0",
                        1,
                        "first",
                        0.5,
                        2,
                        null,
                        null,
                        false,
                        false,
                        null,
                        null,
                        "{\"q_by_iteration\":{\"1\":0.2,\"3\":0.5}}"),
                new TreeNode(11, 1, 1, 10L, "0.1", 2, "child", 0.8, 1, null, 0.9, true, false, "4", true, null),
                new TreeNode(
                        12, 1, 1, null, "1", 1, "second root", null, null, null, null, false, false, null, null, null));
        SearchTree tree = StoredTree.of(stored);
        assertThat(tree.size()).isEqualTo(4);
        assertThat(tree.node(0).key()).isEqualTo("question");
        assertThat(tree.children(0)).hasSize(2);
        assertThat(tree.node(tree.children(0)[0]).valueAt(2)).isEqualTo(0.2);
        assertThat(tree.lastIteration()).isEqualTo(2);
        assertThat(tree.valueName()).isEqualTo("Q");
        SearchTree single = StoredTree.of(stored.subList(0, 2));
        assertThat(single.node(0).key()).as("one root stays the root").isEqualTo("0");
        assertThat(single.node(1).reward()).isEqualTo(0.9);
    }

    @Test
    void aCycleIsRefused() {
        List<SearchNode> nodes = List.of(Trees.node("r"), Trees.node("a"), Trees.node("b"));
        assertThatThrownBy(() -> new SearchTree(nodes, new int[] {-1, 2, 1}, "\n", "value"))
                .hasMessageContaining("not below the root");
    }
}
