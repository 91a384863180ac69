package dev.ponder.core.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.TreeNode;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a tree's values are coloured: one scale over the whole playback, logarithmic when they span decades. */
class TreeSceneTest {
    @Test
    void theColourScaleIsTheSameInEveryFrameOfAPlayback() {
        SearchTree tree = StoredTree.of(List.of(
                node(10, null, "0", 1, 0.5, "{\"q_by_iteration\":{\"1\":0.2,\"3\":0.5}}"),
                node(11, 10L, "0.1", 2, 0.8, null),
                node(12, 10L, "0.2", 3, 0.3, null)));
        TreeScene first = new TreeScene(tree, TreeOptions.DEFAULT.withIteration(1), new BitSet(), -1);
        TreeScene last = new TreeScene(tree, TreeOptions.DEFAULT, new BitSet(), -1);

        assertThat(first.valueRange()).containsExactly(0.2, 0.8);
        assertThat(last.valueRange())
                .as("the same scale, though iteration 1 shows only the root at 0.2")
                .containsExactly(0.2, 0.8);
        assertThat(first.logScale()).isFalse();
    }

    @Test
    void valuesSpanningDecadesAreColouredByTheirLogarithm() {
        SearchTree tree = StoredTree.of(List.of(
                node(10, null, "0", null, 60.0, null),
                node(11, 10L, "0.1", null, 0.001, null),
                node(12, 10L, "0.2", null, 0.05, null)));
        TreeScene scene = new TreeScene(tree, TreeOptions.DEFAULT, new BitSet(), -1);

        assertThat(scene.logScale()).isTrue();
        int middle = 2; // 0.05 sits near the middle of 0.001..60 on a log scale, near the bottom on a linear one
        assertThat(scene.fill(middle))
                .isEqualTo(
                        dev.ponder.core.chart.PaperColours.sequential(Math.log(0.05 / 0.001) / Math.log(60 / 0.001)));
    }

    private static TreeNode node(long id, Long parent, String key, Integer iteration, Double value, String meta) {
        return new TreeNode(
                id,
                1,
                1,
                parent,
                key,
                iteration,
                "step " + key,
                value,
                null,
                null,
                null,
                false,
                false,
                null,
                null,
                meta);
    }
}
