package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures added for charts, against hand-computed cases. */
class ChartFiguresTest {

    @Test
    void histogramBinsAsNumpyCutsThem() {
        // np.histogram([1, 2, 2, 3, 4, 5], bins=4) -> counts [1, 2, 1, 2], edges [1, 2, 3, 4, 5]
        double[] values = {1, 2, 2, 3, 4, 5};
        Histogram histogram = Histogram.over(values, 4);
        assertThat(histogram.edges()).containsExactly(1, 2, 3, 4, 5);
        assertThat(histogram.counts(values)).containsExactly(1, 2, 1, 2);
        assertThat(histogram.binOf(0.99)).isEqualTo(-1);
        assertThat(histogram.binOf(Double.NaN)).isEqualTo(-1);
        // One value: numpy widens the range to [v - 0.5, v + 0.5].
        assertThat(Histogram.over(new double[] {3, 3}, 2).edges()).containsExactly(2.5, 3, 3.5);
    }

    @Test
    void calibrationBinsScoresAndWeighsTheGapByBinSize() {
        // Scores 0.1 (wrong), 0.15 (right), 0.9 (right), 0.95 (right), 0.8 (wrong); bins of 0.5.
        RunColumns run = Runs.of("a:0:0.1 a:1:0.15 b:1:0.9", "c:1:0.95 d:0:0.8 e:?:0.5");
        Calibration calibration = Calibration.of(run, 2);
        assertThat(calibration.samples()).isEqualTo(5);
        assertThat(calibration.bins()).hasSize(2);
        Calibration.Bin low = calibration.bins().get(0);
        Calibration.Bin high = calibration.bins().get(1);
        assertThat(low.samples()).isEqualTo(2);
        assertThat(low.meanScore()).isCloseTo(0.125, within(1e-12));
        assertThat(low.accuracy().mean()).isEqualTo(0.5);
        assertThat(high.meanScore()).isCloseTo((0.9 + 0.95 + 0.8) / 3, within(1e-12));
        assertThat(high.accuracy().mean()).isCloseTo(2.0 / 3, within(1e-12));
        double ece = 2.0 / 5 * Math.abs(0.5 - 0.125) + 3.0 / 5 * Math.abs(2.0 / 3 - 2.65 / 3);
        assertThat(calibration.expectedCalibrationError()).isCloseTo(ece, within(1e-12));
        // Scores outside [0, 1] (logits) are binned over their own range.
        assertThat(Calibration.of(Runs.of("a:1:-2 b:0:3"), 2).histogram().edges())
                .containsExactly(-2, 0.5, 3);
    }

    @Test
    void roundsCountEachRoundsAccuracyAndTheChainsThatMoved() {
        // {problem, sample index, round, verdict, sample id}
        List<long[]> rows = List.of(
                new long[] {1, 0, 0, 1, 10},
                new long[] {1, 1, 0, 0, 11},
                new long[] {2, 0, 0, 0, 12},
                new long[] {2, 1, 0, -1, 13},
                new long[] {1, 0, 1, 0, 20},
                new long[] {1, 1, 1, 1, 21},
                new long[] {2, 0, 1, 1, 22},
                new long[] {2, 1, 1, 1, 23},
                new long[] {1, 0, 2, 0, 30});
        MultiRound rounds = MultiRound.of(rows, 0, 1);
        assertThat(rounds.rounds()).extracting(MultiRound.Round::round).containsExactly(0, 1, 2);
        assertThat(rounds.rounds().get(0).accuracy().mean()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(rounds.rounds().get(0).graded()).isEqualTo(3);
        assertThat(rounds.rounds().get(1).accuracy().mean()).isEqualTo(0.75);
        assertThat(rounds.rounds().get(2).problems()).isEqualTo(1);
        MultiRound.Flow first = rounds.flows().get(0);
        // 1/0: right→wrong; 1/1: wrong→right; 2/0: wrong→right; 2/1 ungraded before: not counted.
        assertThat(new int[] {first.stayedRight(), first.rightToWrong(), first.wrongToRight(), first.stayedWrong()})
                .containsExactly(0, 1, 2, 0);
        assertThat(first.rightToWrongSamples()).containsExactly(20);
        assertThat(first.wrongToRightSamples()).containsExactly(21, 22);
        assertThat(rounds.flows().get(1).stayedWrong()).isEqualTo(1);
    }
}
