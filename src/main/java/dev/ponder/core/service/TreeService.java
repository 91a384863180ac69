package dev.ponder.core.service;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.store.SampleRepository;
import dev.ponder.core.store.Tables;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.tree.PrefixTree;
import dev.ponder.core.tree.SampleLineage;
import dev.ponder.core.tree.SearchTree;
import dev.ponder.core.tree.StoredTree;
import dev.ponder.core.tree.TraceSteps;
import dev.ponder.core.tree.TreeSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one problem's tree of one run from the workspace: the search tree the run recorded, or one derived from the
 * problem's samples (their shared prefixes, or their links from round to round and branch to origin). Only that
 * problem's rows are read: its stored nodes, or the text of its samples.
 */
public final class TreeService {
    private final Workspace workspace;

    TreeService(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A problem's tree as opened: the problem, the trees it has, the one chosen and the tree itself. */
    public record Opened(Problem problem, List<TreeSource> sources, TreeSource source, SearchTree tree) {}

    /**
     * Opens a tree of the run: of {@code problem} (its first with a recorded tree, else its first sample's, when
     * null), from {@code wanted} (the first the problem has when null, or when {@code fallBack} and it has not that
     * one). Empty when the run has no problem with a tree; a problem with none gives no source and no tree.
     *
     * @param fold for the prefix tree: fold unbranched stretches into single nodes
     */
    public Optional<Opened> open(long runId, Problem problem, TreeSource wanted, boolean fallBack, boolean fold) {
        Optional<Problem> chosen = problem != null ? Optional.of(problem) : firstProblem(runId);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Set<TreeSource> available = available(runId, chosen.get().id());
        if (available.isEmpty()) {
            return Optional.of(new Opened(chosen.get(), List.of(), null, null));
        }
        TreeSource from = wanted == null || (fallBack && !available.contains(wanted))
                ? available.iterator().next()
                : wanted;
        if (!available.contains(from)) {
            throw new IllegalArgumentException("Problem " + chosen.get().key() + " has no "
                    + from.label().toLowerCase(java.util.Locale.ROOT) + " in this run; it has: "
                    + available.stream().map(TreeSource::id).toList());
        }
        return Optional.of(new Opened(
                chosen.get(),
                List.copyOf(available),
                from,
                load(runId, chosen.get().id(), from, fold)));
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
            return first.isEmpty()
                    ? Optional.<Problem>empty()
                    : tables.problems().byIds(new long[] {first.get()}).stream().findFirst();
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
            TraceSteps steps =
                    TraceSteps.of(sample.text(), repository.steps(sample.id()), repository.segments(sample.id()));
            traced.add(new PrefixTree.TracedSample(
                    sample.id(), steps, sample.answer().extracted(), sample.correct()));
        }
        return PrefixTree.of(question(tables, problemId), traced, fold);
    }

    private static SearchTree lineage(Tables tables, long runId, long problemId) throws Exception {
        List<SampleLineage.LinkedSample> linked = new ArrayList<>();
        for (Sample sample : samples(tables.samples(), runId, problemId)) {
            linked.add(new SampleLineage.LinkedSample(
                    sample.id(),
                    sample.parentSampleId(),
                    sample.round(),
                    sample.text(),
                    sample.answer().extracted(),
                    sample.correct(),
                    sample.score()));
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
        List<Problem> problems = tables.problems().byIds(new long[] {problemId});
        return problems.isEmpty() ? null : problems.get(0).question();
    }
}
