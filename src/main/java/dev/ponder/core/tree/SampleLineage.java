package dev.ponder.core.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of a replay as a tree of what continued what: a round of multi-round thinking under the round
 * before it, a branch-from-here continuation under the trace it branched from. Samples that continue nothing
 * hang under the question.
 */
public final class SampleLineage {
    private SampleLineage() {}

    /** One sample: its id, the sample it continues (or {@code null}), its text, answer, verdict and score. */
    public record LinkedSample(
            long sampleId, Long parentSampleId, int round, String text, String answer, Boolean correct, Double score) {}

    public static SearchTree of(String question, List<LinkedSample> samples) {
        Map<Long, Integer> indexOf = new HashMap<>();
        List<SearchNode> nodes = new ArrayList<>();
        nodes.add(new SearchNode(
                "question", question, null, null, null, null, false, false, null, null, samples.size(), 0, null));
        for (LinkedSample sample : samples) {
            indexOf.put(sample.sampleId(), nodes.size());
            nodes.add(new SearchNode(
                    "sample " + sample.sampleId() + " (round " + sample.round() + ")",
                    sample.text(),
                    sample.score(),
                    null,
                    null,
                    sample.round() + 1,
                    true,
                    false,
                    sample.answer(),
                    sample.correct(),
                    1,
                    sample.sampleId(),
                    null));
        }
        int[] parent = new int[nodes.size()];
        parent[0] = -1;
        for (LinkedSample sample : samples) {
            Integer up = sample.parentSampleId() == null ? null : indexOf.get(sample.parentSampleId());
            parent[indexOf.get(sample.sampleId())] = up == null ? 0 : up;
        }
        return new SearchTree(nodes, parent, "\n\n", "score");
    }
}
