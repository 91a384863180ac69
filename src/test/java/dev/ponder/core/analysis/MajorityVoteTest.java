package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {

    @Test
    void firstKTakesTheFirstKSamplesAndTiesGoToTheAnswerSeenFirst() {
        RunColumns run = Runs.of("b:0 a:1 a:1 b:0 b:0");
        assertThat(MajorityVote.firstK(run, 0, 1)).isZero();
        // b, a: tie, b seen first
        assertThat(MajorityVote.firstK(run, 0, 2)).isZero();
        assertThat(MajorityVote.firstK(run, 0, 3)).isEqualTo(1);
        // b a a b: tie 2-2, b seen first
        assertThat(MajorityVote.firstK(run, 0, 4)).isZero();
        assertThat(MajorityVote.firstK(run, 0, 6)).isNaN();
    }

    @Test
    void samplesWithoutAnAnswerVoteTogetherAndLose() {
        RunColumns run = Runs.of("-:0 -:0 a:1");
        assertThat(MajorityVote.firstK(run, 0, 3)).isZero();
        assertThat(MajorityVote.firstK(run, 0, 1)).isZero();
    }

    @Test
    void anUngradedWinnerDoesNotCount() {
        RunColumns run = Runs.of("x:? x:? y:1");
        assertThat(MajorityVote.firstK(run, 0, 3)).isNaN();
    }

    @Test
    void theExpectedMajorityIsExactWhereTheSubsetsCanBeCounted() {
        RunColumns run = Runs.of("a:1 a:1 b:0");
        // k=1: 2 of 3 samples are a
        assertThat(MajorityVote.expected(run, 0, 1, 100, 1)).isCloseTo(2.0 / 3, within(1e-15));
        // k=2: {a,a} -> a; {a,b} twice -> tie, half credit: (1 + 0.5 + 0.5) / 3
        assertThat(MajorityVote.expected(run, 0, 2, 100, 1)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(MajorityVote.expected(run, 0, 3, 100, 1)).isEqualTo(1.0);
        assertThat(MajorityVote.isExact(3, 2, 100)).isTrue();
    }

    @Test
    void theMonteCarloEstimateIsSeededAndCloseToTheHypergeometricValue() {
        // 30 samples: 12 correct answers "a", 18 wrong "b". Majority of 9: a wins when it has >= 5.
        StringBuilder samples = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            samples.append(i % 5 < 2 ? "a:1 " : "b:0 ");
        }
        RunColumns run = Runs.of(samples.toString());
        double exact = 0;
        for (int a = 5; a <= 9; a++) {
            exact += hypergeometric(30, 12, 9, a);
        }
        assertThat(MajorityVote.isExact(30, 9, 20_000)).isFalse();
        double estimate = MajorityVote.expected(run, 0, 9, 20_000, 42);
        // standard error sqrt(p(1-p)/20000) < 0.0036
        assertThat(estimate).isCloseTo(exact, within(0.012));
        assertThat(MajorityVote.expected(run, 0, 9, 20_000, 42)).isEqualTo(estimate);
    }

    @Test
    void curvesReportBothVariantsAndHowTheyWereComputed() {
        RunColumns run = Runs.of("a:1 b:0 a:1 b:0", "c:0 c:0 d:1 d:1");
        MajorityVote.Curves curves = MajorityVote.curves(run, List.of(1, 2, 4), 500, 7);
        assertThat(curves.exact()).isTrue();
        assertThat(curves.firstK().get(2).value()).isEqualTo(0.5);
        // k=4: both problems tie 2-2 -> half credit each
        assertThat(curves.expected().get(2).value()).isEqualTo(0.5);
        assertThat(curves.draws()).isEqualTo(500);
    }

    @Test
    void parallelCurvesEqualTheSequentialFiguresEveryTime() {
        String[] problems = new String[40];
        for (int p = 0; p < problems.length; p++) {
            StringBuilder samples = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                samples.append((i * 7 + p) % 3 == 0 ? "a:1 " : (i + p) % 2 == 0 ? "b:0 " : "c:0 ");
            }
            problems[p] = samples.toString();
        }
        RunColumns run = Runs.of(problems);
        List<Integer> ks = List.of(1, 5, 9, 30);
        MajorityVote.Curves first = MajorityVote.curves(run, ks, 300, 11, 200);
        for (int i = 0; i < ks.size(); i++) {
            int k = ks.get(i);
            double sum = 0;
            for (int p = 0; p < run.problems(); p++) {
                sum += MajorityVote.expected(run, p, k, 300, 11);
            }
            assertThat(first.expected().get(i).value()).isCloseTo(sum / run.problems(), within(1e-12));
        }
        assertThat(MajorityVote.curves(run, ks, 300, 11, 200)).isEqualTo(first);
        assertThat(first.exact()).isFalse();
    }

    private static double hypergeometric(int population, int successes, int draws, int observed) {
        return Math.exp(org.hipparchus.util.CombinatoricsUtils.binomialCoefficientLog(successes, observed)
                + org.hipparchus.util.CombinatoricsUtils.binomialCoefficientLog(
                        population - successes, draws - observed)
                - org.hipparchus.util.CombinatoricsUtils.binomialCoefficientLog(population, draws));
    }
}
