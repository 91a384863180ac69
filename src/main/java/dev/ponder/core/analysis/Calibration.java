package dev.ponder.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * How well reward scores predict correctness (a reliability diagram): graded samples with a score cut into
 * equal-width score bins (over [0, 1] when every score lies there, as PRM scores do, else over the scores'
 * range); per bin the mean score and the share correct with its exact binomial interval. The expected
 * calibration error is the bins' |accuracy − mean score| weighted by their samples (Guo et al., 2017).
 *
 * @param histogram the score bins
 * @param bins      the bins that hold samples, in score order
 * @param samples   graded samples with a score
 * @param expectedCalibrationError ECE, NaN when no sample counts
 */
public record Calibration(Histogram histogram, List<Bin> bins, int samples, double expectedCalibrationError) {

    /** One score bin. */
    public record Bin(int index, double low, double high, double meanScore, int samples, Bootstrap.Interval accuracy) {}

    public static Calibration of(RunColumns run, int binCount) {
        double[] scores = counted(run);
        boolean unit = true;
        for (double score : scores) {
            unit &= Double.isNaN(score) || score >= 0 && score <= 1;
        }
        Histogram histogram = unit ? Histogram.between(0, 1, binCount) : Histogram.over(scores, binCount);
        int[] n = new int[binCount];
        int[] correct = new int[binCount];
        double[] scoreSum = new double[binCount];
        int total = 0;
        for (int s = 0; s < scores.length; s++) {
            int bin = histogram.binOf(scores[s]);
            if (bin < 0) {
                continue;
            }
            n[bin]++;
            correct[bin] += run.verdict(s);
            scoreSum[bin] += scores[s];
            total++;
        }
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            if (n[b] == 0) {
                continue;
            }
            Bootstrap.Interval accuracy = Bootstrap.binary(correct[b], n[b]);
            double mean = scoreSum[b] / n[b];
            bins.add(new Bin(b, histogram.low(b), histogram.high(b), mean, n[b], accuracy));
            ece += (double) n[b] / total * Math.abs(accuracy.mean() - mean);
        }
        return new Calibration(histogram, List.copyOf(bins), total, total == 0 ? Double.NaN : ece);
    }

    /** The score bin of each sample position, or -1 for samples that do not count. */
    public int[] binOfSamples(RunColumns run) {
        double[] scores = counted(run);
        int[] bin = new int[scores.length];
        for (int s = 0; s < scores.length; s++) {
            bin[s] = histogram.binOf(scores[s]);
        }
        return bin;
    }

    /** Each sample's score where it is graded and scored, else NaN. */
    private static double[] counted(RunColumns run) {
        double[] scores = new double[run.samples()];
        for (int s = 0; s < scores.length; s++) {
            scores[s] = run.verdict(s) == RunColumns.UNGRADED ? Double.NaN : run.score(s);
        }
        return scores;
    }
}
