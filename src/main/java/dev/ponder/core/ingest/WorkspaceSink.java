package dev.ponder.core.ingest;

import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.record.Enricher;
import dev.ponder.core.ingest.record.ImportException;
import dev.ponder.core.ingest.record.IngestedSample;
import dev.ponder.core.ingest.record.IngestedTreeNode;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.ingest.record.SkippedRecord;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.RunSource;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Step;
import dev.ponder.core.model.TreeNode;
import dev.ponder.core.store.RunWriter;
import dev.ponder.core.task.TaskContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The sink that writes what a reader reads into the workspace, inside the importer's transaction:
 * resolves problem keys and file ids to workspace ids, counts, reports progress and stops when cancelled.
 */
final class WorkspaceSink implements SampleSink {
    private static final int REPORT_EVERY = 256;

    private final RunWriter writer;
    private final String fileName;
    private final RunSource source;
    private final ImportOptions options;
    private final TaskContext context;
    private final LongSupplier bytesRead;
    private final long totalBytes;
    private final FileRefs sampleRefs;
    private final FileRefs nodeRefs;
    private final ImportProgress progress;
    private final Set<Long> problems = new HashSet<>();
    private final Map<Long, SampleKeys> places = new HashMap<>();
    /** The run of each thinking budget, when the file has one record per budget (a sweep); empty otherwise. */
    private final Map<Integer, Long> runOfBudget = new java.util.LinkedHashMap<>();

    private final GatheredColumns gathered = new GatheredColumns();
    private final RecordWarnings warnings = new RecordWarnings();
    private final SkippedRecords skipped = new SkippedRecords();
    private long runId;
    private RunHeader header;
    private boolean detailsLearned;
    private long samples;
    private long treeNodes;

    WorkspaceSink(
            RunWriter writer,
            String fileName,
            RunSource source,
            ImportOptions options,
            TaskContext context,
            LongSupplier bytesRead,
            long totalBytes) {
        this.writer = writer;
        this.fileName = fileName;
        this.source = source;
        this.options = options;
        this.context = context;
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
        this.sampleRefs = new FileRefs(writer::reserveSampleId);
        this.nodeRefs = new FileRefs(writer::reserveTreeNodeId);
        this.progress = new ImportProgress(fileName, totalBytes, System.nanoTime());
    }

    @Override
    public void run(RunHeader header) {
        if (runId != 0) {
            throw new IllegalStateException("a reader announced the run twice");
        }
        RunHeader effective = options.applyTo(header, baseName(fileName));
        this.header = effective;
        RunHeader.Origin origin = effective.origin();
        runId = insertRun(
                effective,
                effective.name(),
                origin == null ? source : origin.source(),
                origin == null ? Instant.now() : origin.importedAt());
    }

    /**
     * The records that follow go to the run of {@code budget}: the run made at {@link #run} becomes the first budget's
     * (renamed "NAME · budget B"), each other budget gets a run of its own with the same header; at the end each
     * records its budget, and the file's name as their group.
     */
    @Override
    public void budget(int budget) {
        requireRun();
        Long known = runOfBudget.get(budget);
        if (known != null) {
            runId = known;
            return;
        }
        String name = header.name() + " · budget " + budget;
        if (runOfBudget.isEmpty()) {
            long first = runId;
            sql(() -> {
                writer.rename(first, name);
                return null;
            });
        } else {
            runId = insertRun(header, name, source, Instant.now());
        }
        runOfBudget.put(budget, runId);
    }

    private long insertRun(RunHeader from, String name, RunSource runSource, Instant importedAt) {
        Run run = new Run(
                0,
                name,
                runSource,
                importedAt,
                from.model(),
                from.strategy(),
                from.params(),
                null,
                from.grader(),
                from.notes());
        return sql(() -> writer.insertRun(run));
    }

    @Override
    public void runDetails(RunHeader details) {
        requireRun();
        Map<String, String> params = new TreeMap<>(details.params());
        params.putAll(header.params());
        header = options.applyTo(
                new RunHeader(
                        first(header.name(), details.name()),
                        first(header.model(), details.model()),
                        first(header.strategy(), details.strategy()),
                        params,
                        first(header.grader(), details.grader()),
                        first(header.notes(), details.notes()),
                        header.origin()),
                header.name());
        detailsLearned = true;
    }

    private static String first(String current, String learned) {
        return current != null ? current : learned;
    }

    @Override
    public void problem(Problem problem) {
        requireRun();
        sql(() -> writer.problemId(problem));
    }

    @Override
    public void sample(IngestedSample ingested) {
        requireRun();
        long problemId = problemId(ingested.problemKey());
        Sample read = ingested.sample();
        if (!places.computeIfAbsent(runId, id -> new SampleKeys()).add(problemId, read.round(), read.index())) {
            skipped(
                    "problem " + ingested.problemKey() + ", sample " + read.index()
                            + (read.round() > 1 ? " of round " + read.round() : ""),
                    "a duplicate: the file gave a sample for this problem and index before; the first was kept");
            return;
        }
        long id = sampleRefs.define(ingested.fileId());
        Long parentId = sampleRefs.reference(ingested.parentFileId());
        Sample sample = warnings.finite(ingested, ingested.sample().stored(id, runId, problemId, parentId));
        List<Step> steps = warnings.finiteSteps(ingested);
        sql(() -> {
            writer.addSample(sample, steps, ingested.segments(), ingested.fileVerdict());
            return null;
        });
        gathered.add(runId, sample);
        problems.add(problemId);
        samples++;
        reportEvery();
    }

    @Override
    public void treeNode(IngestedTreeNode ingested) {
        requireRun();
        long problemId = problemId(ingested.problemKey());
        long id = nodeRefs.define(ingested.fileId());
        Long parentId = nodeRefs.reference(ingested.parentFileId());
        TreeNode node = ingested.node().stored(id, runId, problemId, parentId);
        sql(() -> {
            writer.addTreeNode(node);
            return null;
        });
        problems.add(problemId);
        treeNodes++;
        reportEvery();
    }

    @Override
    public void problemReference(String problemKey, String json) {
        requireRun();
        long problemId = problemId(problemKey);
        sql(() -> {
            writer.problemReference(runId, problemId, json);
            return null;
        });
    }

    @Override
    public void skipped(String location, String reason) {
        skipped.add(location, reason);
    }

    /**
     * Refuses a read that found nothing to import: a run without samples or tree nodes is never what was meant,
     * and when every record was skipped the first reason usually says why (a wrong mapping, the wrong format).
     */
    void requireSomething() {
        if (samples > 0 || treeNodes > 0) {
            return;
        }
        if (skipped.count() == 0) {
            throw new ImportException(fileName, null, "the file holds no samples or search-tree nodes");
        }
        SkippedRecord first = skipped.shown().get(0);
        throw new ImportException(
                fileName,
                null,
                String.format(
                        "no record could be read (%,d skipped; the first, %s: %s)",
                        skipped.count(), first.location(), first.reason()));
    }

    /**
     * Writes what is still queued, checks every parent reference was defined, and records the grader, the
     * source of the token counts that enrichment used, and the defaults for what the file left unsaid.
     */
    void finish(Enricher enricher, String sha256) {
        requireRun();
        List<String> danglingSamples = sampleRefs.dangling();
        List<String> danglingNodes = nodeRefs.dangling();
        if (!danglingSamples.isEmpty() || !danglingNodes.isEmpty()) {
            throw new ImportException(
                    fileName,
                    null,
                    "records refer to parents the file never defines: "
                            + (danglingSamples.isEmpty() ? "" : "samples " + danglingSamples + " ")
                            + (danglingNodes.isEmpty() ? "" : "tree nodes " + danglingNodes));
        }
        context.message(String.format("Importing %s: %,d samples read; finishing the search index", fileName, samples));
        sql(() -> {
            writer.finish();
            RunHeader learned = header;
            header = options.withDefaults(header);
            for (Map.Entry<Integer, Long> run : runs().entrySet()) {
                long id = run.getValue();
                if (header.origin() == null) {
                    writer.updateSourceSha256(id, sha256);
                }
                if (enricher.used() || detailsLearned || !header.equals(learned) || run.getKey() != null) {
                    Map<String, String> params = new TreeMap<>(header.params());
                    if (enricher.used()) {
                        params.putIfAbsent("token_counts", enricher.tokenSource());
                    }
                    if (run.getKey() != null) {
                        params.put("budget", String.valueOf(run.getKey()));
                        params.putIfAbsent("group", baseName(fileName));
                    }
                    String grader = header.grader() != null ? header.grader() : enricher.graderLabel();
                    writer.updateProvenance(id, header.model(), header.strategy(), grader, params);
                }
            }
            return null;
        });
        context.progress(totalBytes, totalBytes);
    }

    /**
     * The hash that identifies the run's content for duplicate checks: the file's own, or, for a Ponder
     * export, the hash of the file the run first came from.
     */
    String contentSha256(String fileSha256) {
        RunHeader.Origin origin = header == null ? null : header.origin();
        return origin != null && origin.source().sha256() != null
                ? origin.source().sha256()
                : fileSha256;
    }

    /** The run made, or the first of a sweep. */
    long runId() {
        return runOfBudget.isEmpty() ? runId : runOfBudget.values().iterator().next();
    }

    /** Every run made: one, or one per budget of a sweep. */
    List<Long> runIds() {
        return List.copyOf(runs().values());
    }

    /** The runs made, by budget (a null key: the one run of a file that is no sweep). */
    private Map<Integer, Long> runs() {
        if (runOfBudget.isEmpty()) {
            Map<Integer, Long> one = new HashMap<>();
            one.put(null, runId);
            return one;
        }
        return runOfBudget;
    }

    String runName() {
        return header.name();
    }

    /** The run parameter an Inspect log's eval id is kept in: the same log as .eval and as .json has one. */
    static final String INSPECT_EVAL_ID = "inspect_eval_id";

    /** The eval id of the Inspect log read, or {@code null} for any other file. */
    String inspectEvalId() {
        return header == null ? null : header.params().get(INSPECT_EVAL_ID);
    }

    int problems() {
        return problems.size();
    }

    long samples() {
        return samples;
    }

    long treeNodes() {
        return treeNodes;
    }

    /** Records kept with something stored as missing, and why (the first hundred). */
    List<SkippedRecord> warnings() {
        return warnings.shown();
    }

    long warningCount() {
        return warnings.count();
    }

    long skippedCount() {
        return skipped.count();
    }

    List<SkippedRecord> skipped() {
        return skipped.shown();
    }

    /** Each run's columns, gathered as its samples were written; empty when there were too many to gather. */
    Map<Long, RunColumns> columns() {
        return gathered.columns();
    }

    private long problemId(String key) {
        return sql(() -> writer.problemId(new Problem(0, key, null, null, null, null)));
    }

    private void reportEvery() {
        if ((samples + treeNodes) % REPORT_EVERY == 0) {
            context.checkCancelled();
            context.progress(bytesRead.getAsLong(), totalBytes);
            context.message(progress.describe(bytesRead.getAsLong(), samples, treeNodes, System.nanoTime()));
        }
    }

    private void requireRun() {
        if (runId == 0) {
            throw new ImportException(fileName, null, "the reader sent records before the run header");
        }
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private interface SqlCall<T> {
        T call() throws Exception;
    }

    private static <T> T sql(SqlCall<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("writing to the workspace failed: " + e.getMessage(), e);
        }
    }
}
