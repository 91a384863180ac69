package dev.ponder.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's samples in compact columns, grouped by problem and in sample order within a problem: everything the
 * figures are computed from, and nothing of the trace text. Answers are grouped per problem into clusters by
 * their voting key (equivalent answers share one); a cluster's representative is its first sample's answer,
 * and its verdict that sample's verdict (the first graded one's, if the first has none), as search-and-learn
 * and s1 grade the answer they vote for.
 */
public final class RunColumns {
    /** {@link #correct} of a sample without a verdict. */
    public static final byte UNGRADED = -1;
    /** {@link #cluster} of a sample without an answer. */
    public static final int NO_ANSWER = -1;

    final long[] problemIds;
    final int[] start;
    final long[] sampleIds;
    final int[] sampleIndex;
    final byte[] correct;
    final int[] cluster;
    final double[] score;
    final int[] tokens;
    final int[] thinkingTokens;
    final boolean[] finished;
    final String[][] clusterKeys;
    final String[][] clusterAnswers;
    final byte[][] clusterCorrect;

    RunColumns(
            long[] problemIds,
            int[] start,
            long[] sampleIds,
            int[] sampleIndex,
            byte[] correct,
            int[] cluster,
            double[] score,
            int[] tokens,
            int[] thinkingTokens,
            boolean[] finished,
            String[][] clusterKeys,
            String[][] clusterAnswers,
            byte[][] clusterCorrect) {
        this.problemIds = problemIds;
        this.start = start;
        this.sampleIds = sampleIds;
        this.sampleIndex = sampleIndex;
        this.correct = correct;
        this.cluster = cluster;
        this.score = score;
        this.tokens = tokens;
        this.thinkingTokens = thinkingTokens;
        this.finished = finished;
        this.clusterKeys = clusterKeys;
        this.clusterAnswers = clusterAnswers;
        this.clusterCorrect = clusterCorrect;
    }

    public int problems() {
        return problemIds.length;
    }

    public int samples() {
        return sampleIds.length;
    }

    public long problemId(int problem) {
        return problemIds[problem];
    }

    /** The problem's position here, or -1. */
    public int problemOf(long problemId) {
        for (int p = 0; p < problemIds.length; p++) {
            if (problemIds[p] == problemId) {
                return p;
            }
        }
        return -1;
    }

    /** How many samples the problem has. */
    public int size(int problem) {
        return start[problem + 1] - start[problem];
    }

    /** The position of the problem's first sample among the run's samples. */
    public int first(int problem) {
        return start[problem];
    }

    /** The problem position of each sample position. */
    public int[] problemOfEachSample() {
        int[] problem = new int[samples()];
        for (int p = 0; p < problems(); p++) {
            Arrays.fill(problem, start[p], start[p + 1], p);
        }
        return problem;
    }

    /** The workspace id of the sample at this position. */
    public long sampleId(int sample) {
        return sampleIds[sample];
    }

    /** The sample's verdict: 1 correct, 0 wrong, {@link #UNGRADED}. */
    public byte verdict(int sample) {
        return correct[sample];
    }

    /** The sample's answer cluster within its problem, or {@link #NO_ANSWER}. */
    public int cluster(int sample) {
        return cluster[sample];
    }

    /** The voting key of a problem's answer cluster. */
    public String clusterKey(int problem, int cluster) {
        return clusterKeys[problem][cluster];
    }

    /** The sample's reward score, NaN when it has none. */
    public double score(int sample) {
        return score[sample];
    }

    /** How many of the problem's samples are graded correct. */
    public int correctCount(int problem) {
        int count = 0;
        for (int s = start[problem]; s < start[problem + 1]; s++) {
            if (correct[s] == 1) {
                count++;
            }
        }
        return count;
    }

    /** How many of the run's analysed samples have a verdict. */
    public int gradedSamples() {
        int graded = 0;
        for (int p = 0; p < problems(); p++) {
            graded += gradedCount(p);
        }
        return graded;
    }

    /** How many of the problem's samples have a verdict. */
    public int gradedCount(int problem) {
        int count = 0;
        for (int s = start[problem]; s < start[problem + 1]; s++) {
            if (correct[s] != UNGRADED) {
                count++;
            }
        }
        return count;
    }

    public int clusters(int problem) {
        return clusterKeys[problem].length;
    }

    /** Whether any sample of the run has a token count. */
    public boolean hasTokens() {
        for (int t : tokens) {
            if (t >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether any sample of the run has a reward score. */
    public boolean hasScores() {
        for (double s : score) {
            if (!Double.isNaN(s)) {
                return true;
            }
        }
        return false;
    }

    /** Mean tokens per sample (thinking where counted, else total) over the samples with a count, NaN if none has. */
    public double meanTokens() {
        long sum = 0;
        int counted = 0;
        for (int s = 0; s < samples(); s++) {
            int spent = thinkingOrTotal(s);
            if (spent >= 0) {
                sum += spent;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : (double) sum / counted;
    }

    /** A hash of what the figures rest on (problems, verdicts, answers, scores): changes when the run is regraded. */
    public long fingerprint() {
        long hash = Arrays.hashCode(problemIds);
        hash = hash * 31 + Arrays.hashCode(start);
        hash = hash * 31 + Arrays.hashCode(correct);
        hash = hash * 31 + Arrays.hashCode(cluster);
        hash = hash * 31 + Arrays.hashCode(score);
        return hash * 31 + Arrays.deepHashCode(clusterCorrect);
    }

    /** The most samples any problem has. */
    public int largestProblem() {
        int most = 0;
        for (int p = 0; p < problems(); p++) {
            most = Math.max(most, size(p));
        }
        return most;
    }

    /** The tokens the sample generated in all, or -1 when not counted. */
    public int totalTokens(int sample) {
        return tokens[sample];
    }

    /** The tokens the sample spent thinking, or -1 when not counted. */
    public int thinkingTokens(int sample) {
        return thinkingTokens[sample];
    }

    /** The tokens a sample spent thinking, else its total, else -1. */
    public int thinkingOrTotal(int sample) {
        return thinkingTokens[sample] >= 0 ? thinkingTokens[sample] : tokens[sample];
    }

    /** Builds the columns problem by problem, sample by sample, in order. */
    public static final class Builder {
        private final List<Long> problemIds = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();
        private final List<String[]> keysPerProblem = new ArrayList<>();
        private final List<String[]> answersPerProblem = new ArrayList<>();
        private final List<byte[]> verdictsPerProblem = new ArrayList<>();
        private long[] sampleIds = new long[1024];
        private int[] sampleIndex = new int[1024];
        private byte[] correct = new byte[1024];
        private int[] cluster = new int[1024];
        private double[] score = new double[1024];
        private int[] tokens = new int[1024];
        private int[] thinking = new int[1024];
        private boolean[] finished = new boolean[1024];
        private int count;
        private Map<String, Integer> clusterIds;
        private List<String> keys;
        private List<String> answers;
        private List<Byte> verdicts;

        /** Starts a problem; its samples follow. */
        public Builder problem(long problemId) {
            closeProblem();
            problemIds.add(problemId);
            starts.add(count);
            clusterIds = new HashMap<>();
            keys = new ArrayList<>();
            answers = new ArrayList<>();
            verdicts = new ArrayList<>();
            return this;
        }

        /** Drops the current problem's samples so far: a later round of it follows and replaces them. */
        public Builder restartProblem() {
            if (clusterIds == null) {
                throw new IllegalStateException("no problem to restart");
            }
            count = starts.get(starts.size() - 1);
            clusterIds.clear();
            keys.clear();
            answers.clear();
            verdicts.clear();
            return this;
        }

        /**
         * Adds a sample of the current problem.
         *
         * @param key      its answer's voting key, or {@code null} when it gave no answer
         * @param answer   its extracted answer as written
         * @param score    its reward score, or {@code null}
         * @param tokens   total tokens, or {@code null}
         * @param thinking thinking tokens, or {@code null}
         * @param finished whether it stopped on its own rather than being cut off
         */
        public Builder sample(
                long sampleId,
                int index,
                Boolean verdict,
                String key,
                String answer,
                Double score,
                Integer tokens,
                Integer thinking,
                boolean finished) {
            if (clusterIds == null) {
                throw new IllegalStateException("a sample needs a problem first");
            }
            grow();
            sampleIds[count] = sampleId;
            sampleIndex[count] = index;
            correct[count] = verdict == null ? UNGRADED : (byte) (verdict ? 1 : 0);
            if (key == null) {
                cluster[count] = NO_ANSWER;
            } else {
                Integer id = clusterIds.get(key);
                if (id == null) {
                    id = keys.size();
                    clusterIds.put(key, id);
                    keys.add(key);
                    answers.add(answer);
                    verdicts.add(correct[count]);
                }
                cluster[count] = id;
                if (verdicts.get(id) == UNGRADED && correct[count] != UNGRADED) {
                    // A cluster whose first sample has no verdict takes the first verdict among its samples.
                    verdicts.set(id, correct[count]);
                }
            }
            this.score[count] = score == null ? Double.NaN : score;
            this.tokens[count] = tokens == null ? -1 : tokens;
            this.thinking[count] = thinking == null ? -1 : thinking;
            this.finished[count] = finished;
            count++;
            return this;
        }

        public RunColumns build() {
            closeProblem();
            int[] start = new int[problemIds.size() + 1];
            for (int p = 0; p < problemIds.size(); p++) {
                start[p] = starts.get(p);
            }
            start[problemIds.size()] = count;
            return new RunColumns(
                    problemIds.stream().mapToLong(Long::longValue).toArray(),
                    start,
                    Arrays.copyOf(sampleIds, count),
                    Arrays.copyOf(sampleIndex, count),
                    Arrays.copyOf(correct, count),
                    Arrays.copyOf(cluster, count),
                    Arrays.copyOf(score, count),
                    Arrays.copyOf(tokens, count),
                    Arrays.copyOf(thinking, count),
                    Arrays.copyOf(finished, count),
                    keysPerProblem.toArray(String[][]::new),
                    answersPerProblem.toArray(String[][]::new),
                    verdictsPerProblem.toArray(byte[][]::new));
        }

        private void closeProblem() {
            if (keys == null) {
                return;
            }
            keysPerProblem.add(keys.toArray(String[]::new));
            answersPerProblem.add(answers.toArray(String[]::new));
            byte[] v = new byte[verdicts.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = verdicts.get(i);
            }
            verdictsPerProblem.add(v);
            keys = null;
        }

        private void grow() {
            if (count < sampleIds.length) {
                return;
            }
            int size = sampleIds.length * 2;
            sampleIds = Arrays.copyOf(sampleIds, size);
            sampleIndex = Arrays.copyOf(sampleIndex, size);
            correct = Arrays.copyOf(correct, size);
            cluster = Arrays.copyOf(cluster, size);
            score = Arrays.copyOf(score, size);
            tokens = Arrays.copyOf(tokens, size);
            thinking = Arrays.copyOf(thinking, size);
            finished = Arrays.copyOf(finished, size);
        }
    }
}
