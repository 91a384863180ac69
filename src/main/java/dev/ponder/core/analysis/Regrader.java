package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grading;
import dev.ponder.core.store.AnalysisRows;
import dev.ponder.core.store.Tables;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Grades a run again with another {@link Grading}: every sample's stored answer against its problem's gold
 * answer, and every search-tree node that reached an answer. The verdicts are worked out while reading, then
 * the changed ones, the run's grader label and the dropped analysis cache are written in one transaction, so
 * a cancelled or failed regrade leaves the run as it was. Answers are not extracted again: extraction does not
 * depend on the grader.
 */
public final class Regrader {
    private static final int REPORT_EVERY = 4096;

    private Regrader() {}

    /** What regrading changed. */
    public record Result(String grader, long samples, long changed, long graded, long correct, long treeNodesChanged) {
        public String summary() {
            return String.format(
                    "regraded %,d samples with %s: %s changed; %,d of %,d graded samples correct%s",
                    samples,
                    grader,
                    verdicts(changed),
                    correct,
                    graded,
                    treeNodesChanged == 0 ? "" : "; tree nodes: " + verdicts(treeNodesChanged) + " changed");
        }

        private static String verdicts(long count) {
            return String.format("%,d verdict%s", count, count == 1 ? "" : "s");
        }
    }

    public static Result regrade(Workspace workspace, long runId, Grading chosen, TaskContext context) {
        context.message("Regrading with " + chosen.label());
        Grading grading = chosen.remembering();
        Verdicts samples = workspace.read(tables -> samples(tables, runId, grading, context));
        Verdicts nodes = workspace.read(tables -> treeNodes(tables.analysisRows(), runId, grading));
        context.checkCancelled();
        workspace.write(tables -> {
            requireRun(tables, runId);
            tables.analysisRows().setSampleVerdicts(samples.changed);
            tables.analysisRows().setTreeNodeVerdicts(nodes.changed);
            tables.runs().setGrader(runId, grading.label());
            tables.analysisRows().invalidate(runId);
            return null;
        });
        return new Result(
                grading.label(),
                samples.seen,
                samples.changedCount(),
                samples.graded,
                samples.correct,
                nodes.changedCount());
    }

    private static Verdicts samples(Tables tables, long runId, Grading grading, TaskContext context) throws Exception {
        requireRun(tables, runId);
        long total = tables.analysisRows().sampleCount(runId);
        Verdicts verdicts = new Verdicts();
        tables.analysisRows().columns(runId, null, true, row -> {
            verdicts.add(
                    row.sampleId(),
                    row.correct(),
                    grading.verdict(row.fileCorrect(), row.extractedAnswer(), row.gold()));
            if (verdicts.seen % REPORT_EVERY == 0) {
                context.checkCancelled();
                context.progress(verdicts.seen, total);
            }
        });
        context.progress(total, total);
        return verdicts;
    }

    /** Tree nodes keep their verdicts under file labels: Ponder keeps no file verdict of a node apart from it. */
    private static Verdicts treeNodes(AnalysisRows rows, long runId, Grading grading) throws Exception {
        Verdicts verdicts = new Verdicts();
        if (grading.fallback().isEmpty()) {
            return verdicts;
        }
        rows.answeredTreeNodes(
                runId,
                node -> verdicts.add(
                        node.nodeId(), node.correct(), grading.fallback().get().grade(node.answer(), node.gold())));
        return verdicts;
    }

    private static void requireRun(Tables tables, long runId) throws Exception {
        if (tables.runs().find(runId).isEmpty()) {
            throw new IllegalArgumentException("there is no run " + runId + " in this workspace");
        }
    }

    /** The rows whose verdict changes, with counts of the new verdicts. */
    private static final class Verdicts {
        private final List<long[]> changed = new ArrayList<>();
        private long seen;
        private long graded;
        private long correct;

        void add(long id, Boolean before, Boolean after) {
            seen++;
            if (after != null) {
                graded++;
                if (after) {
                    correct++;
                }
            }
            if (!Objects.equals(before, after)) {
                changed.add(new long[] {id, after == null ? -1 : after ? 1 : 0});
            }
        }

        long changedCount() {
            return changed.size();
        }
    }
}
