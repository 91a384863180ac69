package dev.ponder.core.service;

import dev.ponder.core.analysis.FirstFigures;
import dev.ponder.core.analysis.GraderAgreement;
import dev.ponder.core.analysis.Overthinking;
import dev.ponder.core.analysis.PairedAtK;
import dev.ponder.core.analysis.ProblemRow;
import dev.ponder.core.analysis.ProblemStats;
import dev.ponder.core.analysis.ProblemTable;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.analysis.RunComparison;
import dev.ponder.core.analysis.RunData;
import dev.ponder.core.analysis.RunStats;
import dev.ponder.core.analysis.StatsOptions;
import dev.ponder.core.analysis.VoteDistribution;
import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.Grading;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.trace.ReflectionMarkers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's figures, from its compact columns and (for overthinking) the facts of one pass over its traces, both
 * cached in the workspace: the headline figures, the full statistics, the problems table, a problem's votes.
 */
public final class AnalysisService {
    private final Workspace workspace;

    AnalysisService(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The figures that need no trace: quick, for a first look. */
    public record Headline(FirstFigures figures, double meanTokens) {}

    /** Every figure of a run, with each problem's when asked for, and the problems' keys by id. */
    /** The figures with the grader that decided their verdicts ({@code null} if the run has none). */
    public record Report(String grader, RunStats stats, List<ProblemStats> problems, Map<Long, String> problemKeys) {}

    /**
     * Run B against run A on the problems they share ({@link RunComparison}); problems are grouped for the clustered
     * error by their {@code subject}, else {@code category}, else {@code source} (from the file's metadata).
     */
    public RunComparison compare(long runA, long runB, RunComparison.Solved by, int resamples, long seed) {
        RunColumns a = RunData.columns(workspace, runA);
        RunColumns b = RunData.columns(workspace, runB);
        Map<Long, String> groups = new HashMap<>();
        for (Problem problem : workspace.read(tables -> tables.problems().ofRun(runA))) {
            String group = ProblemGroups.of(problem);
            if (group != null) {
                groups.put(problem.id(), group);
            }
        }
        return RunComparison.of(a, b, by, groups::get, resamples, seed);
    }

    /** Run B against run A at one k: the paired differences of pass@k and maj@k ({@link PairedAtK}). */
    public PairedAtK compareAtK(long runA, long runB, int k, int resamples, long seed) {
        return PairedAtK.of(RunData.columns(workspace, runA), RunData.columns(workspace, runB), k, resamples, seed);
    }

    /** Every grader on the run's stored answers, the file's labels too: how often each pair agrees, and where not. */
    public GraderAgreement graderAgreement(long runId, TaskContext context) {
        GraderAgreement.Tally tally = GraderAgreement.tally(judges());
        // one read of the rows, keeping each sample as its pair's index and file verdict, so the distinct pairs can
        // be graded on every core before the samples are tallied
        Map<String, Integer> indexOf = new HashMap<>();
        List<String[]> pairs = new java.util.ArrayList<>();
        java.io.ByteArrayOutputStream verdicts = new java.io.ByteArrayOutputStream();
        java.util.stream.IntStream.Builder rows = java.util.stream.IntStream.builder();
        workspace.read(tables -> {
            tables.analysisRows().columns(runId, null, true, row -> {
                String answer = row.extractedAnswer();
                String gold = row.gold();
                Integer at = indexOf.get(answer + '\u0000' + gold);
                if (at == null) {
                    at = pairs.size();
                    indexOf.put(answer + '\u0000' + gold, at);
                    pairs.add(new String[] {answer, gold});
                }
                rows.add(at);
                verdicts.write(row.fileCorrect() == null ? 2 : row.fileCorrect() ? 1 : 0);
                if (pairs.size() % 4096 == 0) {
                    context.checkCancelled();
                }
            });
            return null;
        });
        tally.gradeAhead(pairs);
        context.checkCancelled();
        int[] pairOf = rows.build().toArray();
        byte[] file = verdicts.toByteArray();
        for (int s = 0; s < pairOf.length; s++) {
            String[] pair = pairs.get(pairOf[s]);
            tally.add(file[s] == 2 ? null : file[s] == 1, pair[0], pair[1]);
        }
        return tally.result();
    }

    /**
     * Each model judge with verdicts in the workspace, as a grader that gives its kept verdict on a pair and none on a
     * pair it was not asked about.
     */
    private List<Grader> judges() {
        return workspace.read(tables -> {
            List<Grader> judges = new java.util.ArrayList<>();
            for (String judge : tables.judgeVerdicts().judges()) {
                Map<String, Boolean> verdicts = tables.judgeVerdicts().verdicts(judge);
                judges.add(new Grader() {
                    @Override
                    public String name() {
                        return judge;
                    }

                    @Override
                    public Boolean grade(String extracted, String gold) {
                        return extracted == null || gold == null
                                ? null
                                : verdicts.get(dev.ponder.core.store.JudgeVerdictRepository.pair(extracted, gold));
                    }

                    @Override
                    public boolean matches(String extracted, String gold) {
                        return Boolean.TRUE.equals(grade(extracted, gold));
                    }
                });
            }
            return judges;
        });
    }

    /** What the run overview shows first: the run's first figures and its mean thinking tokens, from its columns. */
    public Headline headline(long runId, StatsOptions options) {
        RunColumns columns = RunData.columns(workspace, runId);
        return new Headline(FirstFigures.of(columns, options), columns.meanTokens());
    }

    /**
     * The figures a run is first looked at for (accuracy, pass@k, maj@k of the first k), from its columns alone: what
     * an import shows as soon as the run is committed, before its traces are indexed and before the full figures.
     */
    public FirstFigures firstFigures(long runId, StatsOptions options) {
        return FirstFigures.of(RunData.columns(workspace, runId), options);
    }

    /** The run's overthinking figures; the first time, one pass over its traces (reported on {@code context}). */
    public Overthinking overthinking(long runId, ReflectionMarkers markers, TaskContext context) {
        return RunData.overthinking(workspace, runId, markers, null, context);
    }

    /**
     * Every figure of the run; the overthinking ones unless {@code withoutOverthinking} (their first computation
     * reads every trace once); each problem's when {@code perProblem}. With a {@code grading}, the verdicts are that
     * grading's, worked out from the stored answers without regrading the run; else the run's own.
     */
    public Report report(
            long runId,
            StatsOptions options,
            Grading grading,
            boolean withoutOverthinking,
            boolean perProblem,
            TaskContext context) {
        String grader = grading != null
                ? grading.label()
                : workspace.read(
                        tables -> tables.runs().find(runId).map(Run::grader).orElse(null));
        RunStats figures = RunData.figures(workspace, runId, grading, options);
        RunStats stats = withoutOverthinking
                ? figures
                : figures.withOverthinking(RunData.overthinking(workspace, runId, options.markers(), grading, context));
        if (!perProblem) {
            return new Report(grader, stats, null, Map.of());
        }
        RunColumns columns = RunData.columns(workspace, runId, grading);
        Map<Long, String> keys = new HashMap<>();
        workspace
                .read(tables -> tables.problems().ofRun(runId))
                .forEach(problem -> keys.put(problem.id(), problem.key()));
        return new Report(grader, stats, ProblemStats.all(columns, options), keys);
    }

    /** The run's problems as the workbench lists them: figures from the columns, texts, tags. */
    public List<ProblemRow> problemTable(long runId) {
        return ProblemTable.load(workspace, runId);
    }

    /**
     * Where the first correct answer comes in each problem's samples (mean T̂/T, by problem id), from the traces'
     * facts: one pass over the traces the first time, reported on {@code context}.
     */
    public Map<Long, Double> firstCorrect(long runId, ReflectionMarkers markers, TaskContext context) {
        RunColumns run = RunData.columns(workspace, runId);
        return ProblemTable.firstCorrectByProblem(run, RunData.efficiency(workspace, runId, markers, context));
    }

    /** A problem's answer clusters with their votes in the run, read from its samples alone. */
    public Optional<VoteDistribution> votes(long runId, long problemId) {
        RunColumns columns = RunData.problemColumns(workspace, runId, problemId);
        return columns.problems() == 0 ? Optional.empty() : Optional.of(VoteDistribution.of(columns, 0));
    }
}
