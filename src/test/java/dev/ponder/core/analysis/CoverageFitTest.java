package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageFitTest {
    private static CurvePoint point(int k, double coverage) {
        return new CurvePoint(k, coverage, 100, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A curve made from a known exp(a·k^b) gives a and b back. */
    @Test
    void recoversTheLawACurveWasMadeFrom() {
        double a = -1.7;
        double b = -0.45;
        List<CurvePoint> curve = new ArrayList<>();
        for (int k = 1; k <= 1024; k *= 2) {
            curve.add(point(k, Math.exp(a * Math.pow(k, b))));
        }
        CoverageFit fit = CoverageFit.of(curve);
        assertThat(fit.a()).isCloseTo(a, within(1e-6));
        assertThat(fit.b()).isCloseTo(b, within(1e-6));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-9));
        assertThat(fit.points()).isEqualTo(11);
        // k = (log 0.9 / a)^(1/b), by hand: (0.105361 / 1.7)^(−2.2222) = 484.5…
        assertThat(fit.samplesFor(0.9)).isCloseTo(Math.pow(Math.log(0.9) / a, 1 / b), within(1e-6));
        assertThat(fit.coverage(fit.samplesFor(0.9))).isCloseTo(0.9, within(1e-9));
    }

    /** Points at 0 or 1 say nothing about the law; with fewer than two left there is no fit. */
    @Test
    void onlyPointsStrictlyBetweenNoneAndAllCount() {
        assertThat(CoverageFit.of(List.of(point(1, 0.0), point(2, 0.5), point(4, 1.0))))
                .isNull();
        CoverageFit two = CoverageFit.of(List.of(point(1, 0.3), point(2, 0.5), point(4, 1.0)));
        assertThat(two.points()).isEqualTo(2);
        // through (log 1, log(−log 0.3)) and (log 2, log(−log 0.5)): b = log(log 0.5 / log 0.3) / log 2
        assertThat(two.b()).isCloseTo(Math.log(Math.log(0.5) / Math.log(0.3)) / Math.log(2), within(1e-12));
        assertThat(two.a()).isCloseTo(Math.log(0.3), within(1e-12));
        assertThat(CoverageFit.of(List.of(point(1, 0.5), point(2, 0.4))).samplesFor(0.9))
                .isInfinite();
    }
}
