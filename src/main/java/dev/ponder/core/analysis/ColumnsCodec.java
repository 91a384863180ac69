package dev.ponder.core.analysis;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Packs {@link RunColumns} and per-sample efficiency figures into bytes for the workspace's analysis cache. */
final class ColumnsCodec {
    private static final int COLUMNS_VERSION = 2;
    private static final int EFFICIENCY_VERSION = 1;
    private static final int EFFICIENCY_FIELDS = 8;

    private ColumnsCodec() {}

    static byte[] encode(RunColumns run) {
        int problems = run.problems();
        int samples = run.samples();
        byte[][][] texts = new byte[problems][][];
        long textBytes = 0;
        for (int p = 0; p < problems; p++) {
            int clusters = run.clusters(p);
            texts[p] = new byte[clusters * 2][];
            for (int c = 0; c < clusters; c++) {
                texts[p][2 * c] = bytes(run.clusterKeys[p][c]);
                texts[p][2 * c + 1] = bytes(run.clusterAnswers[p][c]);
                textBytes += length(texts[p][2 * c]) + length(texts[p][2 * c + 1]) + 9L;
            }
            textBytes += 4;
        }
        long size = 12L + 8L * problems + 4L * (problems + 1) + (8L + 4 + 4 + 4 + 4 + 8 + 1 + 1) * samples + textBytes;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size));
        out.putInt(COLUMNS_VERSION).putInt(problems).putInt(samples);
        out.asLongBuffer().put(run.problemIds);
        out.position(out.position() + 8 * problems);
        out.asIntBuffer().put(run.start);
        out.position(out.position() + 4 * (problems + 1));
        out.asLongBuffer().put(run.sampleIds);
        out.position(out.position() + 8 * samples);
        for (int[] column : new int[][] {run.sampleIndex, run.cluster, run.tokens, run.thinkingTokens}) {
            out.asIntBuffer().put(column);
            out.position(out.position() + 4 * samples);
        }
        out.asDoubleBuffer().put(run.score);
        out.position(out.position() + 8 * samples);
        out.put(run.correct);
        for (boolean finished : run.finished) {
            out.put((byte) (finished ? 1 : 0));
        }
        for (int p = 0; p < problems; p++) {
            int clusters = run.clusters(p);
            out.putInt(clusters);
            for (int c = 0; c < clusters; c++) {
                putText(out, texts[p][2 * c]);
                putText(out, texts[p][2 * c + 1]);
                out.put(run.clusterCorrect[p][c]);
            }
        }
        return out.array();
    }

    /** The columns, or {@code null} when the bytes are of another version (the cache is then rebuilt). */
    static RunColumns decode(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        if (in.getInt() != COLUMNS_VERSION) {
            return null;
        }
        int problems = in.getInt();
        int samples = in.getInt();
        long[] problemIds = new long[problems];
        in.asLongBuffer().get(problemIds);
        in.position(in.position() + 8 * problems);
        int[] start = new int[problems + 1];
        in.asIntBuffer().get(start);
        in.position(in.position() + 4 * (problems + 1));
        long[] sampleIds = new long[samples];
        in.asLongBuffer().get(sampleIds);
        in.position(in.position() + 8 * samples);
        int[][] ints = new int[4][samples];
        for (int[] column : ints) {
            in.asIntBuffer().get(column);
            in.position(in.position() + 4 * samples);
        }
        double[] score = new double[samples];
        in.asDoubleBuffer().get(score);
        in.position(in.position() + 8 * samples);
        byte[] correct = new byte[samples];
        in.get(correct);
        boolean[] finished = new boolean[samples];
        for (int s = 0; s < samples; s++) {
            finished[s] = in.get() == 1;
        }
        String[][] keys = new String[problems][];
        String[][] answers = new String[problems][];
        byte[][] verdicts = new byte[problems][];
        for (int p = 0; p < problems; p++) {
            int clusters = in.getInt();
            keys[p] = new String[clusters];
            answers[p] = new String[clusters];
            verdicts[p] = new byte[clusters];
            for (int c = 0; c < clusters; c++) {
                keys[p][c] = text(in);
                answers[p][c] = text(in);
                verdicts[p][c] = in.get();
            }
        }
        return new RunColumns(
                problemIds,
                start,
                sampleIds,
                ints[0],
                correct,
                ints[1],
                score,
                ints[2],
                ints[3],
                finished,
                keys,
                answers,
                verdicts);
    }

    static byte[] encodeEfficiency(List<SampleEfficiency> samples) {
        ByteBuffer out = ByteBuffer.allocate(8 + 4 * EFFICIENCY_FIELDS * samples.size());
        out.putInt(EFFICIENCY_VERSION).putInt(samples.size());
        for (SampleEfficiency s : samples) {
            out.putInt(s.tokens())
                    .putInt(s.firstCorrectAt())
                    .putInt(s.distinctTokens())
                    .putInt(s.thoughts())
                    .putInt(s.markers())
                    .putInt(s.solutions())
                    .putInt(s.flipsToWrong())
                    .putInt(s.flipsToRight());
        }
        return out.array();
    }

    static List<SampleEfficiency> decodeEfficiency(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        if (in.getInt() != EFFICIENCY_VERSION) {
            return null;
        }
        int count = in.getInt();
        SampleEfficiency[] samples = new SampleEfficiency[count];
        for (int i = 0; i < count; i++) {
            samples[i] = new SampleEfficiency(
                    in.getInt(),
                    in.getInt(),
                    in.getInt(),
                    in.getInt(),
                    in.getInt(),
                    in.getInt(),
                    in.getInt(),
                    in.getInt());
        }
        return List.of(samples);
    }

    private static int length(byte[] text) {
        return text == null ? 0 : text.length;
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static void putText(ByteBuffer out, byte[] text) {
        if (text == null) {
            out.putInt(-1);
        } else {
            out.putInt(text.length).put(text);
        }
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
