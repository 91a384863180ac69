package dev.ponder.core.tree;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.store.ProblemRepository;
import dev.ponder.core.store.SampleRepository;
import dev.ponder.core.store.TreeNodeRepository;
import dev.ponder.core.store.Workspace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        return workspace.read(connection -> {
            Set<TreeSource> sources = EnumSet.noneOf(TreeSource.class);
            if (exists(connection, "SELECT 1 FROM tree_node WHERE run_id = ? AND problem_id = ? LIMIT 1", runId, problemId)) {
                sources.add(TreeSource.SEARCH);
            }
            if (exists(connection, "SELECT 1 FROM sample WHERE run_id = ? AND problem_id = ? LIMIT 1", runId, problemId)) {
                sources.add(TreeSource.SAMPLES);
            }
            if (exists(connection, "SELECT 1 FROM sample WHERE run_id = ? AND problem_id = ? "
                    + "AND parent_sample_id IS NOT NULL LIMIT 1", runId, problemId)) {
                sources.add(TreeSource.LINEAGE);
            }
            return sources;
        });
    }

    /** The problem a run's trees open on: its first with a recorded search tree, else its first sample's. */
    public Optional<Problem> firstProblem(long runId) {
        return workspace.read(connection -> {
            for (String sql : List.of("SELECT problem_id FROM tree_node WHERE run_id = ? ORDER BY id LIMIT 1",
                    "SELECT problem_id FROM sample WHERE run_id = ? ORDER BY id LIMIT 1")) {
                try (PreparedStatement query = connection.prepareStatement(sql)) {
                    query.setLong(1, runId);
                    try (ResultSet rows = query.executeQuery()) {
                        if (rows.next()) {
                            return new ProblemRepository(connection).byIds(new long[]{rows.getLong(1)}).stream()
                                    .findFirst();
                        }
                    }
                }
            }
            return Optional.empty();
        });
    }

    /**
     * @param fold for the prefix tree: fold unbranched stretches into single nodes
     */
    public SearchTree load(long runId, long problemId, TreeSource source, boolean fold) {
        return workspace.read(connection -> switch (source) {
            case SEARCH -> StoredTree.of(new TreeNodeRepository(connection).ofProblem(runId, problemId));
            case SAMPLES -> prefixTree(connection, runId, problemId, fold);
            case LINEAGE -> lineage(connection, runId, problemId);
        });
    }

    private static SearchTree prefixTree(Connection connection, long runId, long problemId, boolean fold)
            throws SQLException {
        SampleRepository repository = new SampleRepository(connection);
        List<PrefixTree.TracedSample> traced = new ArrayList<>();
        for (Sample sample : samples(repository, runId, problemId)) {
            TraceSteps steps = TraceSteps.of(sample.text(), repository.steps(sample.id()), repository.segments(sample.id()));
            traced.add(new PrefixTree.TracedSample(sample.id(), steps, sample.answer().extracted(), sample.correct()));
        }
        return PrefixTree.of(question(connection, problemId), traced, fold);
    }

    private static SearchTree lineage(Connection connection, long runId, long problemId) throws SQLException {
        List<SampleLineage.LinkedSample> linked = new ArrayList<>();
        for (Sample sample : samples(new SampleRepository(connection), runId, problemId)) {
            linked.add(new SampleLineage.LinkedSample(sample.id(), sample.parentSampleId(), sample.round(),
                    sample.text(), sample.answer().extracted(), sample.correct(), sample.score()));
        }
        return SampleLineage.of(question(connection, problemId), linked);
    }

    private static List<Sample> samples(SampleRepository repository, long runId, long problemId) throws SQLException {
        List<Sample> samples = repository.ofProblem(runId, problemId);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("the problem has no samples in this run");
        }
        return samples;
    }

    private static String question(Connection connection, long problemId) throws SQLException {
        List<Problem> problems = new ProblemRepository(connection).byIds(new long[]{problemId});
        return problems.isEmpty() ? null : problems.get(0).question();
    }

    private static boolean exists(Connection connection, String sql, long runId, long problemId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, runId);
            query.setLong(2, problemId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
