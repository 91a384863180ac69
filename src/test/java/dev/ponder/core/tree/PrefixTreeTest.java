package dev.ponder.core.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.model.Step;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrefixTreeTest {

    private static PrefixTree.TracedSample sample(long id, String answer, Boolean correct, String... steps) {
        return new PrefixTree.TracedSample(
                id, new TraceSteps(List.of(steps), Arrays.asList(new Double[steps.length])), answer, correct);
    }

    @Test
    void sharedBeginningsBecomeOneTrunkAndDivergencesBranch() {
        SearchTree tree = PrefixTree.of(
                "Q?",
                List.of(
                        sample(1, "4", true, "a", "b", "c"),
                        sample(2, "5", false, "a", "b", "d"),
                        sample(3, "4", true, "a", "x"),
                        sample(4, "4", true, "a", "b", "c")),
                false);
        // root, a, b, c, d, x
        assertThat(tree.size()).isEqualTo(6);
        assertThat(tree.node(0).stepText()).isEqualTo("Q?");
        assertThat(tree.node(0).samples()).isEqualTo(4);
        int a = tree.children(0)[0];
        assertThat(tree.children(0)).hasSize(1);
        assertThat(tree.node(a).samples()).isEqualTo(4);
        int b = tree.children(a)[0];
        assertThat(tree.children(a)).hasSize(2);
        assertThat(tree.node(b).samples()).isEqualTo(3);
        int c = tree.children(b)[0];
        assertThat(tree.node(c).stepText()).isEqualTo("c");
        assertThat(tree.node(c).samples())
                .as("two identical samples end on one node")
                .isEqualTo(2);
        assertThat(tree.node(c).terminal()).isTrue();
        assertThat(tree.node(c).answer()).isEqualTo("4");
        assertThat(tree.node(c).sampleId()).isEqualTo(1);
        assertThat(tree.node(tree.children(b)[1]).correct()).isFalse();
        assertThat(tree.node(b).terminal()).isFalse();
        assertThat(tree.cumulativeText(c)).isEqualTo("Q?\n\na\n\nb\n\nc");
    }

    @Test
    void foldingMergesUnbranchedStretchesButNotWhereASampleEnds() {
        SearchTree tree = PrefixTree.of(
                "Q?",
                List.of(
                        sample(1, "4", true, "a", "b", "c", "d"),
                        sample(2, "5", false, "a", "b", "e"),
                        sample(3, "4", true, "a", "b")),
                true);
        // root → "a\n\nb" (sample 3 ends there) → "c\n\nd", "e"
        assertThat(tree.size()).isEqualTo(4);
        int trunk = tree.children(0)[0];
        assertThat(tree.node(trunk).stepText()).isEqualTo("a\n\nb");
        assertThat(tree.node(trunk).terminal()).isTrue();
        assertThat(tree.node(trunk).sampleId()).isEqualTo(3);
        assertThat(tree.children(trunk)).hasSize(2);
        assertThat(tree.node(tree.children(trunk)[0]).stepText()).isEqualTo("c\n\nd");
        assertThat(tree.node(tree.children(trunk)[0]).sampleId()).isEqualTo(1);
        assertThat(tree.cumulativeText(tree.children(trunk)[0])).isEqualTo("Q?\n\na\n\nb\n\nc\n\nd");
    }

    @Test
    void nodesCarryTheMeanPrmScoreOfTheirSamplesAtThatStep() {
        SearchTree tree = PrefixTree.of(
                null,
                List.of(
                        new PrefixTree.TracedSample(1, new TraceSteps(List.of("a", "b"), List.of(0.8, 0.9)), "1", true),
                        new PrefixTree.TracedSample(
                                2, new TraceSteps(List.of("a", "c"), List.of(0.6, 0.2)), "2", false)),
                false);
        int a = tree.children(0)[0];
        assertThat(tree.node(a).value()).isEqualTo(0.7);
        assertThat(tree.node(tree.children(a)[1]).value()).isEqualTo(0.2);
        assertThat(tree.node(0).value()).isNull();
        assertThat(tree.valueName()).isEqualTo("PRM score");
    }

    @Test
    void tracesSplitAtBlankLinesAtTheFilesPrmStepsAndAtForcedEdits() {
        String text = "First.\n\nSecond line\nstill second.\n  \nThird Wait, again.";
        assertThat(TraceSteps.of(text, List.of(), List.of()).texts())
                .containsExactly("First.", "Second line\nstill second.", "Third Wait, again.");
        int wait = text.indexOf("Wait");
        Segment forced = new Segment(0, SegmentKind.INJECTED_WAIT, wait, wait + 4, "extension 1");
        assertThat(TraceSteps.of(text, List.of(), List.of(forced)).texts())
                .containsExactly("First.", "Second line\nstill second.", "Third", "Wait", ", again.");
        List<Step> prm = List.of(new Step(0, 0, 8, 0.5), new Step(1, 8, text.length(), 0.25));
        TraceSteps steps = TraceSteps.of(text, prm, List.of(forced));
        assertThat(steps.texts()).containsExactly("First.", text.substring(8).strip());
        assertThat(steps.scores()).containsExactly(0.5, 0.25);
    }

    @Test
    void roundsHangUnderTheRoundTheyContinue() {
        SearchTree tree = SampleLineage.of(
                "Q?",
                List.of(
                        new SampleLineage.LinkedSample(5, null, 0, "round one", "3", false, null),
                        new SampleLineage.LinkedSample(6, 5L, 1, "round two", "4", true, 0.9),
                        new SampleLineage.LinkedSample(7, null, 0, "another start", "4", true, null),
                        new SampleLineage.LinkedSample(8, 6L, 2, "round three", "4", true, null)));
        assertThat(tree.children(0)).hasSize(2);
        int second = tree.children(tree.children(0)[0])[0];
        assertThat(tree.node(second).sampleId()).isEqualTo(6);
        assertThat(tree.node(second).iteration()).isEqualTo(2);
        assertThat(tree.node(tree.children(second)[0]).stepText()).isEqualTo("round three");
        assertThat(tree.lastIteration()).isEqualTo(3);
    }
}
