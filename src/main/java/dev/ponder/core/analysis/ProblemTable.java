package dev.ponder.core.analysis;

import dev.ponder.core.model.Problem;
import dev.ponder.core.store.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a run's problems table from its compact columns, the problems' texts and tags, and trace facts. */
public final class ProblemTable {
    private static final int QUESTION_EXCERPT = 160;

    /** What the table shows of a problem besides figures. */
    public record ProblemText(String key, String question, String gold) {}

    private ProblemTable() {}

    /** A run's problems table as the workbench shows it: its cached columns, its problems' texts and tags. */
    public static List<ProblemRow> load(Workspace workspace, long runId) {
        RunColumns run = RunData.columns(workspace, runId);
        long[] ids = new long[run.problems()];
        for (int p = 0; p < ids.length; p++) {
            ids[p] = run.problemId(p);
        }
        Map<Long, ProblemText> texts = new HashMap<>();
        Map<Long, List<String>> tags = workspace.read(tables -> {
            for (Problem problem : tables.problems().byIds(ids)) {
                texts.put(problem.id(), new ProblemText(problem.key(), problem.question(), problem.goldAnswer()));
            }
            return tables.tags().tagsByProblemOfRun(runId);
        });
        return markRightToWrong(workspace, runId, of(run, texts, tags, null));
    }

    /** In a multi-round run, marks the problems with a sample that turned from right to wrong between rounds. */
    private static List<ProblemRow> markRightToWrong(Workspace workspace, long runId, List<ProblemRow> rows) {
        MultiRound rounds = MultiRound.of(workspace, runId, null, 0, 0);
        if (!rounds.isMultiRound()) {
            return rows;
        }
        long[] sampleIds = rounds.flows().stream()
                .flatMapToLong(flow -> java.util.Arrays.stream(flow.rightToWrongSamples()))
                .toArray();
        java.util.Set<Long> turned = new java.util.HashSet<>();
        for (long problem : workspace.read(tables -> tables.samples().problemsOf(sampleIds))) {
            turned.add(problem);
        }
        return rows.stream()
                .map(row -> turned.contains(row.problemId()) ? row.withRightToWrong(true) : row)
                .toList();
    }

    /**
     * One row per analysed problem, in the run's problem order.
     *
     * @param texts      each problem's key, question and gold by problem id
     * @param tags       tags by problem id (absent: none)
     * @param efficiency the samples' trace facts in column order, or {@code null} when not read yet
     */
    public static List<ProblemRow> of(
            RunColumns run,
            Map<Long, ProblemText> texts,
            Map<Long, List<String>> tags,
            List<SampleEfficiency> efficiency) {
        int[] levels = LengthAccuracy.difficultyLevels(run, null);
        List<ProblemRow> rows = new ArrayList<>(run.problems());
        for (int p = 0; p < run.problems(); p++) {
            long id = run.problemId(p);
            ProblemText text = texts.getOrDefault(id, new ProblemText("#" + id, null, null));
            VoteDistribution votes = VoteDistribution.of(run, p);
            VoteDistribution.Cluster leader =
                    votes.clusters().isEmpty() ? null : votes.clusters().get(0);
            int graded = run.gradedCount(p);
            int max = -1;
            for (int s = run.first(p); s < run.first(p) + run.size(p); s++) {
                max = Math.max(max, run.thinkingOrTotal(s));
            }
            rows.add(new ProblemRow(
                    id,
                    text.key(),
                    excerpt(text.question()),
                    text.gold(),
                    run.size(p),
                    graded == 0 ? Double.NaN : (double) run.correctCount(p) / graded,
                    leader == null ? null : leader.answer(),
                    leader == null ? null : leader.correct(),
                    votes.margin(),
                    votes.entropyBits(),
                    Spend.meanTokens(run, p, run.size(p)),
                    max,
                    efficiency == null ? Double.NaN : firstCorrectAt(run, p, efficiency),
                    levels[p],
                    tags.getOrDefault(id, List.of()),
                    false));
        }
        return rows;
    }

    /** The rows with the trace facts filled in, once they are read. */
    public static List<ProblemRow> withEfficiency(
            List<ProblemRow> rows, RunColumns run, List<SampleEfficiency> efficiency) {
        List<ProblemRow> filled = new ArrayList<>(rows.size());
        for (int p = 0; p < rows.size(); p++) {
            filled.add(rows.get(p).withFirstCorrectAt(firstCorrectAt(run, p, efficiency)));
        }
        return filled;
    }

    /** Each problem's mean T̂/T (as {@link #firstCorrectAt}), by problem id, once the trace facts are read. */
    public static Map<Long, Double> firstCorrectByProblem(RunColumns run, List<SampleEfficiency> efficiency) {
        Map<Long, Double> byProblem = new HashMap<>();
        for (int p = 0; p < run.problems(); p++) {
            byProblem.put(run.problemId(p), firstCorrectAt(run, p, efficiency));
        }
        return byProblem;
    }

    /** Mean T̂/T over the problem's samples whose trace states a correct answer. */
    static double firstCorrectAt(RunColumns run, int problem, List<SampleEfficiency> efficiency) {
        double sum = 0;
        int counted = 0;
        for (int s = run.first(problem); s < run.first(problem) + run.size(problem); s++) {
            SampleEfficiency facts = efficiency.get(s);
            if (facts.firstCorrectAt() >= 0 && facts.tokens() > 0) {
                sum += Math.min(1.0, (double) facts.firstCorrectAt() / facts.tokens());
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** The question on one line, cut to a readable length. */
    static String excerpt(String question) {
        if (question == null) {
            return "";
        }
        String line = question.strip().replaceAll("\\s+", " ");
        return line.length() <= QUESTION_EXCERPT ? line : line.substring(0, QUESTION_EXCERPT - 1) + "…";
    }
}
