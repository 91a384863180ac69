package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grading;
import dev.ponder.core.store.AnalysisRows;
import dev.ponder.core.store.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Multi-round thinking (Think Twice, arXiv 2503.19855) round by round: each round's sample-level accuracy with a
 * bootstrap interval resampling problems (computed as {@link RunStats#accuracy()} is, so the last round's figure
 * is the run's), and between consecutive rounds how the verdicts of the same sample chain (problem, sample index)
 * moved: stayed right, right → wrong, wrong → right, stayed wrong. Read from the verdict columns only.
 *
 * @param rounds each round, in order
 * @param flows  between each round and the next
 */
public record MultiRound(List<Round> rounds, List<Flow> flows) {

    /** One round's accuracy over the problems that have it. */
    public record Round(int round, int problems, int samples, int graded, Bootstrap.Interval accuracy) {}

    /**
     * Verdict moves from round {@code from} to {@code to} of sample chains graded in both; the sample ids are those
     * of round {@code to}.
     */
    public record Flow(
            int from,
            int to,
            int stayedRight,
            int rightToWrong,
            int wrongToRight,
            int stayedWrong,
            long[] rightToWrongSamples,
            long[] wrongToRightSamples) {}

    /** Whether the run has more than one round. */
    public boolean isMultiRound() {
        return rounds.size() > 1;
    }

    /**
     * @param grading verdicts from this grading instead of the stored ones, or {@code null}
     */
    public static MultiRound of(Workspace workspace, long runId, Grading grading, int resamples, long seed) {
        boolean several = workspace.read(tables -> tables.analysisRows().hasLaterRounds(runId));
        if (!several) {
            // One round: no need to read every verdict to say so.
            return new MultiRound(List.of(), List.of());
        }
        List<long[]> rows = workspace.read(tables -> read(tables.analysisRows(), runId, grading));
        return of(rows, resamples, seed);
    }

    /** From rows of {problem id, sample index, round, verdict (1, 0, -1), sample id}. */
    static MultiRound of(List<long[]> rows, int resamples, long seed) {
        TreeMap<Integer, Map<Long, int[]>> perRound = new TreeMap<>();
        Map<Chain, Map<Integer, long[]>> chains = new HashMap<>();
        for (long[] row : rows) {
            int round = (int) row[2];
            int[] counts = perRound.computeIfAbsent(round, r -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(row[0], p -> new int[3]);
            counts[0]++;
            if (row[3] >= 0) {
                counts[1]++;
                counts[2] += (int) row[3];
            }
            chains.computeIfAbsent(new Chain(row[0], row[1]), chain -> new HashMap<>())
                    .put(round, row);
        }
        List<Round> rounds = new ArrayList<>();
        for (Map.Entry<Integer, Map<Long, int[]>> entry : perRound.entrySet()) {
            Map<Long, int[]> problems = entry.getValue();
            double[] correct = new double[problems.size()];
            double[] graded = new double[problems.size()];
            int samples = 0;
            int i = 0;
            for (int[] counts : problems.values()) {
                samples += counts[0];
                graded[i] = counts[1];
                correct[i++] = counts[2];
            }
            rounds.add(new Round(
                    entry.getKey(),
                    problems.size(),
                    samples,
                    (int) java.util.Arrays.stream(graded).sum(),
                    Bootstrap.ratio(correct, graded, resamples, seed)));
        }
        List<Flow> flows = new ArrayList<>();
        for (int r = 0; r + 1 < rounds.size(); r++) {
            flows.add(flow(chains, rounds.get(r).round(), rounds.get(r + 1).round()));
        }
        return new MultiRound(List.copyOf(rounds), List.copyOf(flows));
    }

    /** A problem's sample carried from round to round. */
    private record Chain(long problemId, long sampleIndex) {}

    private static Flow flow(Map<Chain, Map<Integer, long[]>> chains, int from, int to) {
        int[] moves = new int[4];
        List<Long> toWrong = new ArrayList<>();
        List<Long> toRight = new ArrayList<>();
        for (Map<Integer, long[]> chain : chains.values()) {
            long[] before = chain.get(from);
            long[] after = chain.get(to);
            if (before == null || after == null || before[3] < 0 || after[3] < 0) {
                continue;
            }
            int move = (int) (before[3] * 2 + after[3]); // 3 right→right, 2 right→wrong, 1 wrong→right, 0 wrong→wrong
            moves[move]++;
            if (move == 2) {
                toWrong.add(after[4]);
            } else if (move == 1) {
                toRight.add(after[4]);
            }
        }
        return new Flow(
                from,
                to,
                moves[3],
                moves[2],
                moves[1],
                moves[0],
                toWrong.stream().mapToLong(Long::longValue).sorted().toArray(),
                toRight.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    private static List<long[]> read(AnalysisRows analysisRows, long runId, Grading grading) throws Exception {
        List<long[]> rows = new ArrayList<>();
        analysisRows.columns(runId, null, grading != null, row -> {
            Boolean verdict = grading == null
                    ? row.correct()
                    : grading.verdict(row.fileCorrect(), row.extractedAnswer(), row.gold());
            rows.add(new long[] {
                row.problemId(), row.sampleIndex(), row.round(), verdict == null ? -1 : verdict ? 1 : 0, row.sampleId()
            });
        });
        return rows;
    }
}
