package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** First Finish, vote distributions, bootstrap and length bins on hand-computed cases. */
class SmallFiguresTest {

    @Test
    void firstFinishTakesTheShortestSampleThatFinished() {
        RunColumns run = Runs.of("a:0:-:50! b:1:-:300 c:0:-:900", "a:1:-:120 b:0:-:120", "a:1:-:40!");
        FirstFinish.Result result = FirstFinish.of(run);
        // problem 1: the 50-token sample was cut off -> the 300-token one (correct); problem 2: tie -> first (correct);
        // problem 3: nothing finished
        assertThat(result.accuracy()).isEqualTo(1.0);
        assertThat(result.problems()).isEqualTo(2);
        assertThat(result.meanTokens()).isEqualTo(210.0);
    }

    @Test
    void aVoteDistributionCountsSharesScoresMarginAndEntropy() {
        RunColumns run = Runs.of("7:1:0.5 8:0:0.2 7:1:0.25 -:0 8:0:0.1 7:1:-");
        VoteDistribution votes = VoteDistribution.of(run, 0);
        assertThat(votes.samples()).isEqualTo(6);
        assertThat(votes.clusters())
                .extracting(VoteDistribution.Cluster::answer)
                .containsExactly("7", "8");
        assertThat(votes.clusters().get(0).votes()).isEqualTo(3);
        assertThat(votes.clusters().get(0).share()).isEqualTo(0.5);
        assertThat(votes.clusters().get(0).scoreSum()).isEqualTo(0.75);
        assertThat(votes.clusters().get(0).correct()).isTrue();
        assertThat(votes.clusters().get(1).scoreSum()).isCloseTo(0.3, within(1e-7));
        assertThat(votes.noAnswer()).isEqualTo(1);
        assertThat(votes.margin()).isCloseTo(1.0 / 6, within(1e-15));
        // shares 1/2, 1/3, 1/6
        double entropy = -(0.5 * log2(0.5) + 1.0 / 3 * log2(1.0 / 3) + 1.0 / 6 * log2(1.0 / 6));
        assertThat(votes.entropyBits()).isCloseTo(entropy, within(1e-12));
    }

    @Test
    void percentilesInterpolateLikeNumpy() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(Bootstrap.percentile(sorted, 2.5)).isCloseTo(1.075, within(1e-12));
        assertThat(Bootstrap.percentile(sorted, 97.5)).isCloseTo(3.925, within(1e-12));
        assertThat(Bootstrap.percentile(sorted, 50)).isEqualTo(2.5);
    }

    @Test
    void theExactBootstrapOfASharIsReadFromTheBinomial() {
        // Binomial(10, 0.5): P(X<=1) = 0.0107, P(X<=2) = 0.0547; P(X<=7) = 0.9453, P(X<=8) = 0.9893
        Bootstrap.Interval interval = Bootstrap.binary(5, 10);
        assertThat(interval.low()).isEqualTo(0.2);
        assertThat(interval.high()).isEqualTo(0.8);
        assertThat(interval.mean()).isEqualTo(0.5);
        Bootstrap.Interval large = Bootstrap.binary(30_000, 100_000);
        // normal approximation: 0.3 +- 1.96 * sqrt(0.21 / 100000) = 0.3 +- 0.00284
        assertThat(large.low()).isCloseTo(0.29716, within(0.00002));
        assertThat(large.high()).isCloseTo(0.30284, within(0.00002));
    }

    @Test
    void theResampledIntervalIsSeededAndBracketsTheMean() {
        double[] values = {0, 1, 1, 0, 1, 1, 1, 0, 1, 1};
        Bootstrap.Interval first = Bootstrap.of(values, 1000, 3);
        assertThat(Bootstrap.of(values, 1000, 3)).isEqualTo(first);
        assertThat(first.mean()).isEqualTo(0.7);
        assertThat(first.low()).isLessThan(0.7);
        assertThat(first.high()).isGreaterThan(0.7);
        Bootstrap.Interval ratio = Bootstrap.ratio(new double[] {1, 3}, new double[] {2, 4}, 1000, 3);
        assertThat(ratio.mean()).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(ratio.low()).isGreaterThanOrEqualTo(0.5);
        assertThat(ratio.high()).isLessThanOrEqualTo(0.75);
    }

    @Test
    void lengthBinsHoldEqualCountsInTokenOrder() {
        RunColumns run = Runs.of("a:1:-:100 a:1:-:200 a:0:-:300 a:1:-:400", "b:0:-:500 b:0:-:600 b:1:-:700 b:0:-:800");
        List<LengthAccuracy.Bin> bins = LengthAccuracy.bins(run, 4);
        assertThat(bins).extracting(LengthAccuracy.Bin::samples).containsExactly(2, 2, 2, 2);
        assertThat(bins).extracting(bin -> bin.accuracy().mean()).containsExactly(1.0, 0.5, 0.0, 0.5);
        assertThat(bins.get(0).minTokens()).isEqualTo(100);
        assertThat(bins.get(3).maxTokens()).isEqualTo(800);
        assertThat(bins.get(1).meanTokens()).isEqualTo(350.0);
    }

    @Test
    void difficultyBucketsFollowSearchAndLearnsLevels() {
        RunColumns run = Runs.of("a:1:-:10 a:1:-:10", "a:1:-:10 a:0:-:10", "a:0:-:10 a:0:-:10");
        // pass rates 1, 0.5, 0; edges 0.25 and 0.75 -> levels 1 (easy), 2, 3 (hard)
        List<LengthAccuracy.Bucket> buckets = LengthAccuracy.byDifficulty(run, new double[] {0.25, 0.75}, 2);
        assertThat(buckets).extracting(LengthAccuracy.Bucket::level).containsExactly(1, 2, 3);
        assertThat(buckets).extracting(LengthAccuracy.Bucket::problems).containsExactly(1, 1, 1);
        assertThat(buckets.get(0).low()).isEqualTo(0.75);
        assertThat(buckets.get(2).high()).isEqualTo(0.25);
        assertThat(buckets.get(1).bins())
                .extracting(bin -> bin.accuracy().mean())
                .containsExactly(1.0, 0.0);
        assertThat(LengthAccuracy.quintiles(new double[] {0, 0.25, 0.5, 0.75, 1, Double.NaN}))
                .containsExactly(0.2, 0.4, 0.6, 0.8);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
