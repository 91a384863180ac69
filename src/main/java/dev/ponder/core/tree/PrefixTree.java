package dev.ponder.core.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree hidden in a problem's N samples: their step sequences merged where they are equal from the start,
 * so a shared beginning is one trunk and every divergence point is a branching. A node counts the samples
 * through it and carries their mean PRM score at that step; the node a sample ends on carries its answer and
 * verdict. Unbranched stretches may be folded into single nodes, which keeps 64 long traces readable.
 */
public final class PrefixTree {
    /** What joins the steps of a path into its text: the blank line they were split on. */
    public static final String SEPARATOR = "\n\n";

    private PrefixTree() {}

    /** One sample as the tree needs it. */
    public record TracedSample(long sampleId, TraceSteps steps, String answer, Boolean correct) {}

    /**
     * @param question the problem's text, shown as the root
     * @param fold     fold each unbranched stretch of steps into one node
     */
    public static SearchTree of(String question, List<TracedSample> samples, boolean fold) {
        List<Draft> drafts = new ArrayList<>();
        Draft root = new Draft("root", question, -1);
        drafts.add(root);
        Map<String, Integer> childByStep = new HashMap<>();
        for (TracedSample sample : samples) {
            int at = 0;
            drafts.get(0).samples++;
            List<String> texts = sample.steps().texts();
            for (int i = 0; i < texts.size(); i++) {
                String key = at + "\u0000" + texts.get(i);
                Integer child = childByStep.get(key);
                if (child == null) {
                    child = drafts.size();
                    Draft parent = drafts.get(at);
                    drafts.add(new Draft(
                            parent.key.equals("root")
                                    ? String.valueOf(parent.children.size())
                                    : parent.key + "." + parent.children.size(),
                            texts.get(i),
                            at));
                    parent.children.add(child);
                    childByStep.put(key, child);
                }
                Draft node = drafts.get(child);
                node.samples++;
                Double score = sample.steps().scores().get(i);
                if (score != null) {
                    node.scoreSum += score;
                    node.scored++;
                }
                at = child;
            }
            Draft end = drafts.get(at);
            if (end.sampleId == 0) {
                end.sampleId = sample.sampleId();
                end.answer = sample.answer();
                end.correct = sample.correct();
            }
            end.ending++;
        }
        if (fold) {
            foldChains(drafts);
        }
        return build(drafts);
    }

    /** Folds a node into its parent when the parent has it as its only child and no sample ends at the parent. */
    private static void foldChains(List<Draft> drafts) {
        for (int i = drafts.size() - 1; i > 0; i--) {
            Draft node = drafts.get(i);
            Draft parent = drafts.get(node.parent);
            if (node.parent == 0 || parent.children.size() != 1 || parent.ending > 0) {
                continue;
            }
            // Walking from the end folds each chain bottom-up: the parent takes over the child's text and ending.
            parent.text = parent.text + SEPARATOR + node.text;
            parent.children = node.children;
            for (int child : node.children) {
                drafts.get(child).parent = node.parent;
            }
            if (node.scored > 0) {
                parent.scoreSum = node.scoreSum;
                parent.scored = node.scored;
            }
            parent.sampleId = node.sampleId;
            parent.answer = node.answer;
            parent.correct = node.correct;
            parent.ending = node.ending;
            node.folded = true;
        }
    }

    private static SearchTree build(List<Draft> drafts) {
        int[] index = new int[drafts.size()];
        List<SearchNode> nodes = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            if (draft.folded) {
                index[i] = -1;
                continue;
            }
            index[i] = nodes.size();
            boolean ends = draft.ending > 0;
            nodes.add(new SearchNode(
                    draft.key,
                    draft.text,
                    draft.scored == 0 ? null : draft.scoreSum / draft.scored,
                    null,
                    null,
                    null,
                    ends,
                    false,
                    ends ? draft.answer : null,
                    ends ? draft.correct : null,
                    draft.samples,
                    draft.sampleId,
                    null));
            parents.add(draft.parent);
        }
        int[] parent = new int[nodes.size()];
        for (int i = 0; i < parent.length; i++) {
            int up = parents.get(i);
            parent[i] = up < 0 ? -1 : index[up];
        }
        return new SearchTree(nodes, parent, SEPARATOR, "PRM score");
    }

    private static final class Draft {
        private final String key;
        private String text;
        private int parent;
        private List<Integer> children = new ArrayList<>();
        private int samples;
        private double scoreSum;
        private int scored;
        private long sampleId;
        private String answer;
        private Boolean correct;
        private int ending;
        private boolean folded;

        private Draft(String key, String text, int parent) {
            this.key = key;
            this.text = text;
            this.parent = parent;
        }
    }
}
