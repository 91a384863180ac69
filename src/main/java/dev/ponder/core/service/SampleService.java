package dev.ponder.core.service;

import dev.ponder.core.analysis.VoteDistribution;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.SampleLine;
import dev.ponder.core.model.SampleRef;
import dev.ponder.core.model.ThinkingSpan;
import dev.ponder.core.model.ThinkingSplit;
import dev.ponder.core.store.SampleRepository;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import dev.ponder.core.trace.ThinkingSplitter;
import dev.ponder.core.trace.Thought;
import dev.ponder.core.trace.ThoughtAlignment;
import dev.ponder.core.trace.TraceReading;
import dev.ponder.core.trace.TraceStructure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Samples to read: one trace taken apart, a problem's samples with their votes, two traces side by side. */
public final class SampleService {
    private final Workspace workspace;
    private final AnalysisService analysis;

    SampleService(Workspace workspace, AnalysisService analysis) {
        this.workspace = workspace;
        this.analysis = analysis;
    }

    /** A sample as the inspector shows it: its trace taken apart, its problem, tags and note. */
    public record Reading(Sample sample, Problem problem, TraceReading reading, List<String> tags, String note) {}

    /** A problem's samples in a run: its votes (none when it has no samples), their lines, tags and the note. */
    public record ProblemSamples(
            VoteDistribution votes,
            List<SampleLine> lines,
            Map<Long, List<String>> sampleTags,
            List<String> problemTags,
            String problemNote) {}

    /** One row of two aligned traces: a thought on each side (or one side only), with the words only one uses. */
    public record AlignedRow(
            String left, String right, ThoughtAlignment.Kind kind, Set<String> leftOnly, Set<String> rightOnly) {}

    /** Reads a sample and takes its trace apart with these reflection markers. */
    public Reading read(long sampleId, ReflectionMarkers markers) {
        return workspace.read(tables -> {
            SampleRepository samples = tables.samples();
            Sample sample = samples.find(sampleId)
                    .orElseThrow(
                            () -> new IllegalStateException("sample " + sampleId + " is no longer in the workspace"));
            Problem problem =
                    tables.problems().byIds(new long[] {sample.problemId()}).get(0);
            Run run = tables.runs().find(sample.runId()).orElseThrow();
            TraceReading reading = TraceReading.of(
                    sample,
                    problem.goldAnswer(),
                    Graders.forTraces(run.grader()),
                    markers,
                    samples.steps(sampleId),
                    samples.segments(sampleId));
            return new Reading(
                    sample,
                    problem,
                    reading,
                    tables.tags().tagsOfSample(sampleId),
                    tables.notes().sampleNote(sampleId));
        });
    }

    public ProblemSamples ofProblem(long runId, long problemId) {
        VoteDistribution votes = analysis.votes(runId, problemId).orElse(null);
        return workspace.read(tables -> new ProblemSamples(
                votes,
                tables.samples().linesOfProblem(runId, problemId),
                tables.tags().tagsBySampleOfProblem(runId, problemId),
                tables.tags().tagsOfProblem(problemId),
                tables.notes().problemNote(problemId)));
    }

    /** Every sample of the same problem as this one, in every run (at most 5,000): what it can be compared with. */
    public List<SampleRef> comparable(long sampleId) {
        return workspace.read(tables -> {
            SampleRepository samples = tables.samples();
            Sample sample = samples.find(sampleId)
                    .orElseThrow(
                            () -> new IllegalStateException("sample " + sampleId + " is no longer in the workspace"));
            return samples.refsOfProblem(sample.problemId(), 5000);
        });
    }

    /**
     * Two traces' thoughts aligned (Needleman–Wunsch, thoughts paired when their word sets overlap by at least
     * {@link ThoughtAlignment#MATCH}), with the words each changed thought alone uses.
     */
    public List<AlignedRow> compare(long leftId, long rightId, ReflectionMarkers markers, TaskContext context) {
        List<String> leftThoughts = thoughts(leftId, markers);
        List<String> rightThoughts = thoughts(rightId, markers);
        List<AlignedRow> aligned = new ArrayList<>();
        for (ThoughtAlignment.Row row : ThoughtAlignment.align(leftThoughts, rightThoughts)) {
            context.checkCancelled();
            String l = row.left() < 0 ? "" : leftThoughts.get(row.left());
            String r = row.right() < 0 ? "" : rightThoughts.get(row.right());
            Set<String> leftOnly = Set.of();
            Set<String> rightOnly = Set.of();
            if (row.kind() == ThoughtAlignment.Kind.CHANGED) {
                Set<String> lw = ThoughtAlignment.words(l);
                Set<String> rw = ThoughtAlignment.words(r);
                leftOnly = new HashSet<>(lw);
                leftOnly.removeAll(rw);
                rightOnly = new HashSet<>(rw);
                rightOnly.removeAll(lw);
            }
            aligned.add(new AlignedRow(l, r, row.kind(), leftOnly, rightOnly));
        }
        return aligned;
    }

    private List<String> thoughts(long sampleId, ReflectionMarkers markers) {
        Sample sample =
                workspace.read(tables -> tables.samples().find(sampleId)).orElseThrow();
        String text = sample.text();
        ThinkingSplit split = new ThinkingSplitter().split(text, sample.thinking(), sample.truncated());
        if (split.thinking() == null) {
            // A trace without marked thinking is read as all thinking, so it still splits into thoughts.
            split = new ThinkingSplit(new ThinkingSpan(0, text.length()), true, text.length());
        }
        TraceStructure structure = TraceStructure.of(text, split, markers);
        List<String> thoughts = new ArrayList<>();
        for (Thought thought : structure.thoughts()) {
            thoughts.add(text.substring(thought.start(), thought.end()).strip());
        }
        return thoughts;
    }
}
