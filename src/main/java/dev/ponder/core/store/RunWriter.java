package dev.ponder.core.store;

import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.TreeNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes one run's rows with prepared statements in batches. Used inside {@link Workspace#write}, which
 * holds the only write transaction, so sample and node ids can be handed out here before the rows are
 * flushed: steps, segments and children can refer to them while everything is still batched.
 * {@link #finish()} ends the write: it writes what is queued. A run this writer creates is committed without its
 * search index, so its figures come first; {@link TraceIndexing} builds the index afterwards. Traces added to a run
 * that has its index already are indexed at {@link #finish()}, in one statement.
 */
public final class RunWriter implements AutoCloseable {
    private static final int BATCH_SIZE = 1024;
    /** Text held in a batch before it is written, so a batch of long traces cannot crowd the heap. */
    private static final long BATCH_CHARS = 16L << 20;

    private final Connection connection;
    private final PreparedStatement sampleInsert;
    private final PreparedStatement stepInsert;
    private final PreparedStatement segmentInsert;
    private final PreparedStatement treeNodeInsert;
    private final PreparedStatement problemUpsert;
    private PreparedStatement referenceUpsert;
    private final Map<String, Problem> problemsSeen = new HashMap<>();
    private final Set<Long> runsCreated = new HashSet<>();
    private final Set<Long> runsWritten = new TreeSet<>();

    private final long firstSampleId;
    private long nextSampleId;
    private long nextTreeNodeId;
    private int pending;
    private long pendingChars;

    RunWriter(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            throw new IllegalStateException("RunWriter must run inside Workspace.write");
        }
        this.connection = connection;
        nextSampleId = maxId("sample") + 1;
        firstSampleId = nextSampleId;
        nextTreeNodeId = maxId("tree_node") + 1;
        sampleInsert =
                connection.prepareStatement("INSERT INTO sample(id, run_id, problem_id, sample_index, round, text, "
                        + "think_start, think_end, truncated, answer_text, extracted_answer, answer_key, correct, tokens_total, "
                        + "tokens_thinking, tokens_estimated, finish_reason, score, budget, parent_sample_id, meta_json, file_correct) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        stepInsert = connection.prepareStatement(
                "INSERT INTO step(sample_id, step_index, char_start, char_end, score) VALUES (?, ?, ?, ?, ?)");
        segmentInsert = connection.prepareStatement("INSERT INTO segment(sample_id, segment_index, kind, char_start, "
                + "char_end, detail) VALUES (?, ?, ?, ?, ?, ?)");
        treeNodeInsert =
                connection.prepareStatement("INSERT INTO tree_node(id, run_id, problem_id, parent_id, node_key, "
                        + "iteration, step_text, value, visits, prior, reward, terminal, pruned, answer, correct, meta_json) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        problemUpsert = connection.prepareStatement("INSERT INTO problem(problem_key, dataset, question, gold_answer, "
                + "metadata_json) VALUES (?, ?, ?, ?, ?) ON CONFLICT(problem_key) DO UPDATE SET "
                + "dataset = coalesce(problem.dataset, excluded.dataset), "
                + "question = coalesce(problem.question, excluded.question), "
                + "gold_answer = coalesce(problem.gold_answer, excluded.gold_answer), "
                + "metadata_json = coalesce(problem.metadata_json, excluded.metadata_json) RETURNING id");
    }

    /** Stores what the run's own tool computed for a problem; a later value for the same problem replaces it. */
    public void problemReference(long runId, long problemId, String json) throws SQLException {
        if (referenceUpsert == null) {
            // Most formats carry no per-problem reference values; prepare only when one does.
            referenceUpsert = connection.prepareStatement(
                    "INSERT INTO run_problem(run_id, problem_id, reference_json) "
                            + "VALUES (?, ?, ?) ON CONFLICT(run_id, problem_id) DO UPDATE SET reference_json = excluded.reference_json");
        }
        referenceUpsert.setLong(1, runId);
        referenceUpsert.setLong(2, problemId);
        referenceUpsert.setString(3, json);
        referenceUpsert.executeUpdate();
    }

    /** Stores the run itself and returns its id. */
    public long insertRun(Run run) throws SQLException {
        long id = new RunRepository(connection).insert(run);
        runsCreated.add(id);
        return id;
    }

    /** Names a run this import made (the first run of a sweep, once the file shows it is one). */
    public void rename(long runId, String name) throws SQLException {
        try (java.sql.PreparedStatement update = connection.prepareStatement("UPDATE run SET name = ? WHERE id = ?")) {
            update.setString(1, name);
            update.setLong(2, runId);
            update.executeUpdate();
        }
    }

    public void updateSourceSha256(long runId, String sha256) throws SQLException {
        new RunRepository(connection).updateSourceSha256(runId, sha256);
    }

    /** Records what only the end of an import knows: the model and strategy, the grader, the parameters. */
    public void updateProvenance(long runId, String model, String strategy, String grader, Map<String, String> params)
            throws SQLException {
        new RunRepository(connection).updateProvenance(runId, model, strategy, grader, params);
    }

    /**
     * The id of the problem with this key, storing it if new. A problem already in the workspace keeps
     * what it has; fields it lacks are filled from {@code problem}.
     */
    public long problemId(Problem problem) throws SQLException {
        Problem seen = problemsSeen.get(problem.key());
        if (seen != null && !addsTo(problem, seen)) {
            return seen.id();
        }
        problemUpsert.setString(1, problem.key());
        problemUpsert.setString(2, problem.dataset());
        problemUpsert.setString(3, problem.question());
        problemUpsert.setString(4, problem.goldAnswer());
        problemUpsert.setString(5, problem.metadataJson());
        long id;
        try (ResultSet rows = problemUpsert.executeQuery()) {
            rows.next();
            id = rows.getLong(1);
        }
        problemsSeen.put(problem.key(), merged(seen, problem, id));
        return id;
    }

    /** Reserves the id the next sample will get, so a reader can link samples to parents given later. */
    public long reserveSampleId() {
        return nextSampleId++;
    }

    /**
     * Queues a sample under an id from {@link #reserveSampleId()}, with its run and problem ids set, together
     * with its steps and segments.
     */
    public void addSample(Sample sample, List<Step> steps, List<Segment> segments) throws SQLException {
        addSample(sample, steps, segments, null);
    }

    /** As {@link #addSample(Sample, List, List)}, with the verdict the run file itself gave, if any. */
    public void addSample(Sample sample, List<Step> steps, List<Segment> segments, Boolean fileVerdict)
            throws SQLException {
        if (sample.id() <= 0 || sample.runId() <= 0 || sample.problemId() <= 0) {
            throw new IllegalArgumentException("a sample needs its id, run and problem ids before it is written");
        }
        long id = sample.id();
        PreparedStatement s = sampleInsert;
        s.setLong(1, id);
        s.setLong(2, sample.runId());
        s.setLong(3, sample.problemId());
        s.setInt(4, sample.index());
        s.setInt(5, sample.round());
        s.setString(6, sample.text());
        Sql.set(s, 7, sample.thinking() == null ? null : sample.thinking().start());
        Sql.set(s, 8, sample.thinking() == null ? null : sample.thinking().end());
        s.setInt(9, sample.truncated() ? 1 : 0);
        s.setString(10, sample.answer().text());
        s.setString(11, sample.answer().extracted());
        s.setString(12, sample.answer().key());
        Sql.set(s, 13, sample.correct());
        Sql.set(s, 14, sample.tokens().total());
        Sql.set(s, 15, sample.tokens().thinking());
        s.setInt(16, sample.tokens().estimated() ? 1 : 0);
        s.setString(17, sample.finishReason());
        Sql.set(s, 18, sample.score());
        Sql.set(s, 19, sample.budget());
        Sql.set(s, 20, sample.parentSampleId());
        s.setString(21, sample.metaJson());
        Sql.set(s, 22, fileVerdict);
        s.addBatch();
        pendingChars += sample.text().length();
        runsWritten.add(sample.runId());
        for (Step step : steps) {
            stepInsert.setLong(1, id);
            stepInsert.setInt(2, step.index());
            stepInsert.setInt(3, step.charStart());
            stepInsert.setInt(4, step.charEnd());
            Sql.set(stepInsert, 5, step.score());
            stepInsert.addBatch();
        }
        for (Segment segment : segments) {
            segmentInsert.setLong(1, id);
            segmentInsert.setInt(2, segment.index());
            segmentInsert.setString(3, segment.kind().code());
            segmentInsert.setInt(4, segment.charStart());
            segmentInsert.setInt(5, segment.charEnd());
            segmentInsert.setString(6, segment.detail());
            segmentInsert.addBatch();
        }
        countPending();
    }

    /** Reserves the id the next tree node will get, so a reader can link children to parents given later. */
    public long reserveTreeNodeId() {
        return nextTreeNodeId++;
    }

    /** Queues a tree node under an id from {@link #reserveTreeNodeId()}; its run and problem ids must be set. */
    public void addTreeNode(TreeNode node) throws SQLException {
        if (node.id() <= 0 || node.runId() <= 0 || node.problemId() <= 0) {
            throw new IllegalArgumentException("a tree node needs its id, run and problem ids before it is written");
        }
        PreparedStatement t = treeNodeInsert;
        t.setLong(1, node.id());
        t.setLong(2, node.runId());
        t.setLong(3, node.problemId());
        Sql.set(t, 4, node.parentId());
        t.setString(5, node.nodeKey());
        Sql.set(t, 6, node.iteration());
        t.setString(7, node.stepText());
        Sql.set(t, 8, node.value());
        Sql.set(t, 9, node.visits());
        Sql.set(t, 10, node.prior());
        Sql.set(t, 11, node.reward());
        t.setInt(12, node.terminal() ? 1 : 0);
        t.setInt(13, node.pruned() ? 1 : 0);
        t.setString(14, node.answer());
        Sql.set(t, 15, node.correct());
        t.setString(16, node.metaJson());
        t.addBatch();
        countPending();
    }

    /**
     * Writes everything queued and indexes the traces added to runs that have their search index already (a run
     * created here gets its index from {@link TraceIndexing}). Call once, at the end.
     */
    public void finish() throws SQLException {
        flush();
        try (PreparedStatement stale = connection.prepareStatement("DELETE FROM analysis_cache WHERE run_id = ?")) {
            // Figures cached for a run that gained samples are out of date.
            for (long runId : runsWritten) {
                if (!runsCreated.contains(runId)) {
                    stale.setLong(1, runId);
                    stale.executeUpdate();
                }
            }
        }
        for (long runId : runsWritten) {
            if (!runsCreated.contains(runId) && TraceIndex.exists(connection, runId)) {
                TraceIndex.indexFrom(connection, runId, firstSampleId);
            }
        }
    }

    /** Writes everything queued (the traces become searchable at {@link #finish()}). */
    public void flush() throws SQLException {
        sampleInsert.executeBatch();
        stepInsert.executeBatch();
        segmentInsert.executeBatch();
        treeNodeInsert.executeBatch();
        pending = 0;
        pendingChars = 0;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement :
                List.of(sampleInsert, stepInsert, segmentInsert, treeNodeInsert, problemUpsert)) {
            statement.close();
        }
        if (referenceUpsert != null) {
            referenceUpsert.close();
        }
    }

    private void countPending() throws SQLException {
        if (++pending >= BATCH_SIZE || pendingChars >= BATCH_CHARS) {
            flush();
        }
    }

    private long maxId(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** True when {@code incoming} has a field {@code seen} lacks, so the stored problem may gain from it. */
    private static boolean addsTo(Problem incoming, Problem seen) {
        return fills(incoming.dataset(), seen.dataset())
                || fills(incoming.question(), seen.question())
                || fills(incoming.goldAnswer(), seen.goldAnswer())
                || fills(incoming.metadataJson(), seen.metadataJson());
    }

    private static boolean fills(String incoming, String seen) {
        return incoming != null && seen == null;
    }

    private static Problem merged(Problem seen, Problem incoming, long id) {
        if (seen == null) {
            return new Problem(
                    id,
                    incoming.key(),
                    incoming.dataset(),
                    incoming.question(),
                    incoming.goldAnswer(),
                    incoming.metadataJson());
        }
        return new Problem(
                id,
                seen.key(),
                first(seen.dataset(), incoming.dataset()),
                first(seen.question(), incoming.question()),
                first(seen.goldAnswer(), incoming.goldAnswer()),
                first(seen.metadataJson(), incoming.metadataJson()));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
