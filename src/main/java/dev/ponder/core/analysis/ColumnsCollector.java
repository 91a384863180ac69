package dev.ponder.core.analysis;

import dev.ponder.core.model.Sample;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A run's columns gathered while its samples are written (an import), so that its first figures need no read of the
 * sample table: the same columns {@link RunData#columns} reads from the table, in the same order (problem, round,
 * sample index, id), a problem's last round analysed. Answers are kept once each, however many samples give them.
 */
public final class ColumnsCollector {
    private final Map<String, String> texts = new HashMap<>();
    private long[] sampleIds = new long[1024];
    private long[] problemIds = new long[1024];
    private int[] sampleIndex = new int[1024];
    private int[] round = new int[1024];
    private Boolean[] correct = new Boolean[1024];
    private String[] keys = new String[1024];
    private String[] answers = new String[1024];
    private double[] score = new double[1024];
    private int[] tokens = new int[1024];
    private int[] thinking = new int[1024];
    private boolean[] finished = new boolean[1024];
    private int count;

    /** Takes a sample as it is stored. */
    public void add(Sample sample) {
        if (count == sampleIds.length) {
            grow();
        }
        sampleIds[count] = sample.id();
        problemIds[count] = sample.problemId();
        sampleIndex[count] = sample.index();
        round[count] = sample.round();
        correct[count] = sample.correct();
        keys[count] = kept(sample.answer().key());
        answers[count] = kept(sample.answer().extracted());
        score[count] = sample.score() == null ? Double.NaN : sample.score();
        tokens[count] = sample.tokens().total() == null ? -1 : sample.tokens().total();
        thinking[count] =
                sample.tokens().thinking() == null ? -1 : sample.tokens().thinking();
        finished[count] = RunData.finished(sample.truncated(), sample.finishReason());
        count++;
    }

    /** How many samples were taken. */
    public int samples() {
        return count;
    }

    /** The run's columns, as read from the table once the samples are stored. */
    public RunColumns columns() {
        Integer[] order = new Integer[count];
        boolean sorted = true;
        for (int i = 0; i < count; i++) {
            order[i] = i;
            sorted &= i == 0 || compare(i - 1, i) < 0;
        }
        if (!sorted) {
            Arrays.sort(order, this::compare);
        }
        RunColumns.Builder builder = new RunColumns.Builder();
        long problem = Long.MIN_VALUE;
        int currentRound = 0;
        for (int i : order) {
            if (problemIds[i] != problem) {
                builder.problem(problemIds[i]);
                problem = problemIds[i];
                currentRound = round[i];
            } else if (round[i] != currentRound) {
                builder.restartProblem();
                currentRound = round[i];
            }
            builder.sample(
                    sampleIds[i],
                    sampleIndex[i],
                    correct[i],
                    keys[i],
                    answers[i],
                    Double.isNaN(score[i]) ? null : score[i],
                    tokens[i] < 0 ? null : tokens[i],
                    thinking[i] < 0 ? null : thinking[i],
                    finished[i]);
        }
        return builder.build();
    }

    private int compare(int a, int b) {
        int by = Long.compare(problemIds[a], problemIds[b]);
        if (by == 0) {
            by = Integer.compare(round[a], round[b]);
        }
        if (by == 0) {
            by = Integer.compare(sampleIndex[a], sampleIndex[b]);
        }
        return by != 0 ? by : Long.compare(sampleIds[a], sampleIds[b]);
    }

    private String kept(String text) {
        return text == null ? null : texts.computeIfAbsent(text, same -> same);
    }

    private void grow() {
        int size = sampleIds.length * 2;
        sampleIds = Arrays.copyOf(sampleIds, size);
        problemIds = Arrays.copyOf(problemIds, size);
        sampleIndex = Arrays.copyOf(sampleIndex, size);
        round = Arrays.copyOf(round, size);
        correct = Arrays.copyOf(correct, size);
        keys = Arrays.copyOf(keys, size);
        answers = Arrays.copyOf(answers, size);
        score = Arrays.copyOf(score, size);
        tokens = Arrays.copyOf(tokens, size);
        thinking = Arrays.copyOf(thinking, size);
        finished = Arrays.copyOf(finished, size);
    }
}
