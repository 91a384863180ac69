package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassAtKTest {

    /** 1 - C(n-c, k) / C(n, k) computed with exact integers, to check the product form against. */
    private static double closedForm(int n, int c, int k) {
        java.math.BigInteger num = choose(n - c, k);
        java.math.BigInteger den = choose(n, k);
        return 1.0
                - new java.math.BigDecimal(num)
                        .divide(new java.math.BigDecimal(den), java.math.MathContext.DECIMAL128)
                        .doubleValue();
    }

    private static java.math.BigInteger choose(int n, int k) {
        if (k > n) {
            return java.math.BigInteger.ZERO;
        }
        java.math.BigInteger result = java.math.BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            result = result.multiply(java.math.BigInteger.valueOf(n - k + i)).divide(java.math.BigInteger.valueOf(i));
        }
        return result;
    }

    @Test
    void matchesHandComputedCases() {
        assertThat(PassAtK.estimate(2, 1, 1)).isEqualTo(0.5);
        // 1 - C(3,2)/C(5,2) = 1 - 3/10
        assertThat(PassAtK.estimate(5, 2, 2)).isCloseTo(0.7, within(1e-15));
        // n - c < k: every k-subset holds a correct sample
        assertThat(PassAtK.estimate(5, 4, 2)).isEqualTo(1.0);
        assertThat(PassAtK.estimate(3, 3, 3)).isEqualTo(1.0);
        assertThat(PassAtK.estimate(10, 0, 3)).isEqualTo(0.0);
        // pass@1 is the share correct
        assertThat(PassAtK.estimate(64, 17, 1)).isCloseTo(17 / 64.0, within(1e-15));
    }

    @Test
    void matchesTheClosedFormEverywhere() {
        for (int n = 1; n <= 40; n++) {
            for (int c = 0; c <= n; c++) {
                for (int k = 1; k <= n; k++) {
                    assertThat(PassAtK.estimate(n, c, k))
                            .as("n=%d c=%d k=%d", n, c, k)
                            .isCloseTo(closedForm(n, c, k), within(1e-12));
                }
            }
        }
    }

    @Test
    void refusesAKAboveTheSampleCount() {
        assertThatThrownBy(() -> PassAtK.estimate(3, 1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRunCurveAveragesOverProblemsWithEnoughGradedSamples() {
        RunColumns run = Runs.of("a:1 b:0 c:0 d:0", "a:1 a:1", "x:? y:0 z:1 w:0");
        List<CurvePoint> curve = PassAtK.curve(run, List.of(1, 2, 4));
        // problem 3 has 3 graded samples, 1 correct
        assertThat(curve.get(0).value()).isCloseTo((0.25 + 1.0 + 1.0 / 3) / 3, within(1e-15));
        assertThat(curve.get(0).problems()).isEqualTo(3);
        // k=2: problem 1: 1 - C(3,2)/C(4,2) = 0.5; problem 2: 1; problem 3 (3 graded, 1 correct): 1 - C(2,2)/C(3,2) =
        // 2/3
        assertThat(curve.get(1).value()).isCloseTo((0.5 + 1 + 2.0 / 3) / 3, within(1e-15));
        assertThat(curve.get(2).problems()).isEqualTo(1);
        assertThat(curve.get(2).value()).isEqualTo(1.0);
        assertThat(curve.get(0).tokens()).isNaN();
    }
}
