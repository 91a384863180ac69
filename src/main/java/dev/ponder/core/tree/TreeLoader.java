package dev.ponder.core.tree;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.store.SampleRepository;
import dev.ponder.core.store.Tables;
import dev.ponder.core.store.Workspace;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one problem's tree of one run from the workspace. Only that problem's rows are read: its stored nodes,
 * or the text of its samples for the derived trees.
 */
public final class TreeLoader {
    private final Workspace workspace;

    public TreeLoader(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The trees the run has for the problem, the recorded search tree first. */
    public Set<TreeSource> available(long runId, long problemId) {
        return workspace.read(tables -> {
            Set<TreeSource> sources = EnumSet.noneOf(TreeSource.class);
            if (tables.treeNodes().exists(runId, problemId)) {
                sources.add(TreeSource.SEARCH);
            }
            if (tables.samples().exist(runId, problemId)) {
                sources.add(TreeSource.SAMPLES);
            }
            if (tables.samples().continuationsExist(runId, problemId)) {
                sources.add(TreeSource.LINEAGE);
            }
            return sources;
        });
    }

    /** The problem a run's trees open on: its first with a recorded search tree, else its first sample's. */
    public Optional<Problem> firstProblem(long runId) {
        return workspace.read(tables -> {
            Optional<Long> first = tables.treeNodes().firstProblem(runId);
            if (first.isEmpty()) {
                first = tables.samples().firstProblem(runId);
            }
            return first.isEmpty() ? Optional.<Problem>empty()
                    : tables.problems().byIds(new long[]{first.get()}).stream().findFirst();
        });
    }

    /**
     * @param fold for the prefix tree: fold unbranched stretches into single nodes
     */
    public SearchTree load(long runId, long problemId, TreeSource source, boolean fold) {
        return workspace.read(tables -> switch (source) {
            case SEARCH -> StoredTree.of(tables.treeNodes().ofProblem(runId, problemId));
            case SAMPLES -> prefixTree(tables, runId, problemId, fold);
            case LINEAGE -> lineage(tables, runId, problemId);
        });
    }

    private static SearchTree prefixTree(Tables tables, long runId, long problemId, boolean fold) throws Exception {
        SampleRepository repository = tables.samples();
        List<PrefixTree.TracedSample> traced = new ArrayList<>();
        for (Sample sample : samples(repository, runId, problemId)) {
            TraceSteps steps = TraceSteps.of(sample.text(), repository.steps(sample.id()), repository.segments(sample.id()));
            traced.add(new PrefixTree.TracedSample(sample.id(), steps, sample.answer().extracted(), sample.correct()));
        }
        return PrefixTree.of(question(tables, problemId), traced, fold);
    }

    private static SearchTree lineage(Tables tables, long runId, long problemId) throws Exception {
        List<SampleLineage.LinkedSample> linked = new ArrayList<>();
        for (Sample sample : samples(tables.samples(), runId, problemId)) {
            linked.add(new SampleLineage.LinkedSample(sample.id(), sample.parentSampleId(), sample.round(),
                    sample.text(), sample.answer().extracted(), sample.correct(), sample.score()));
        }
        return SampleLineage.of(question(tables, problemId), linked);
    }

    private static List<Sample> samples(SampleRepository repository, long runId, long problemId) throws Exception {
        List<Sample> samples = repository.ofProblem(runId, problemId);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("the problem has no samples in this run");
        }
        return samples;
    }

    private static String question(Tables tables, long problemId) throws Exception {
        List<Problem> problems = tables.problems().byIds(new long[]{problemId});
        return problems.isEmpty() ? null : problems.get(0).question();
    }
}
