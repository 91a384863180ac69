package dev.ponder.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FitsTest {
    @Test
    void aCoverageCurveFromAKnownLawGivesItsAAndBBack() {
        double a = -1.7;
        double b = -0.45;
        int[] ks = {1, 2, 4, 8, 16, 32, 64};
        double[][] values = new double[ks.length][20];
        for (int i = 0; i < ks.length; i++) {
            java.util.Arrays.fill(values[i], Math.exp(a * Math.pow(ks[i], b)));
        }
        int[] problems = java.util.stream.IntStream.range(0, 20).toArray();
        CoverageLaw law = CoverageLaw.of(ks, values, problems, 0.9, 100, 1);
        assertEquals(a, law.fit().a(), 1e-6);
        assertEquals(b, law.fit().b(), 1e-6);
        assertEquals(1.0, law.fit().rSquared(), 1e-9);
        // k for 90%: (ln 0.9 / a)^(1/b).
        assertEquals(Math.pow(Math.log(0.9) / a, 1 / b), law.k(), 1e-6);
        // Identical problems: every resample gives the same law.
        assertEquals(a, law.aLow(), 1e-6);
        assertEquals(law.k(), law.kHigh(), 1e-3);
    }

    @Test
    void aSaturatingCurveFromKnownPointsGivesItsParametersAndSaturationPointBack() {
        double fMax = 0.8;
        double p = 0.3;
        double[] x = {1, 2, 4, 8, 16, 32};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = fMax * (1 - Math.pow(1 - p, x[i]));
        }
        SaturationFit fit = SaturationFit.of(x, y, 0.001);
        assertEquals(fMax, fit.fMax(), 1e-6);
        assertEquals(p, fit.p(), 1e-6);
        assertEquals(1, fit.rSquared(), 1e-9);
        // F(2x) − F(x) = ε at u = (1 − √(1 − 4ε/F_max))/2 = 0.0012515…, x = ln u / ln 0.7.
        double u = (1 - Math.sqrt(1 - 4 * 0.001 / fMax)) / 2;
        assertEquals(Math.log(u) / Math.log(0.7), fit.saturation(), 1e-4);
        assertEquals(0.001, fit.accuracy(2 * fit.saturation()) - fit.accuracy(fit.saturation()), 1e-9);
        // Measured: from 16 to 32 the curve gains 0.8·(0.7^16 − 0.7^32) = 0.00265 per doubling: not yet saturated.
        assertEquals(Double.NaN, fit.measured());
        SaturationFit lenient = SaturationFit.of(x, y, 0.01);
        // 8 → 16 gains 0.8·(0.7^8 − 0.7^16) = 0.0443; 16 → 32 gains 0.00265 < 0.01: saturated from 16.
        assertEquals(16, lenient.measured(), 0);
        assertNull(SaturationFit.of(new double[] {1, 2}, new double[] {0.1, 0.2}, 0.001));
    }

    @Test
    void s1sControlScalingAndPerformanceByHand() {
        BudgetControl control = BudgetControl.of(List.of(
                new BudgetControl.Run(500, 0.40, 0, 512),
                new BudgetControl.Run(1000, 0.50, 0, 1024),
                new BudgetControl.Run(2100, 0.55, 0, 2048)));
        // Two of three stayed within their budget.
        assertEquals(2 / 3.0, control.control(), 1e-12);
        // Slopes: (0.5 − 0.4)/500 = 2e-4, (0.55 − 0.4)/1600 = 9.375e-5, (0.55 − 0.5)/1100 = 4.5454…e-5.
        assertEquals((2e-4 + 9.375e-5 + 0.05 / 1100) / 3, control.scaling(), 1e-15);
        assertEquals(0.55, control.performance(), 0);
    }

    @Test
    void difficultyBinsAsLiuDefinesThem() {
        dev.ponder.core.analysis.RunColumns.Builder builder = new dev.ponder.core.analysis.RunColumns.Builder();
        double[] rates = {1.0, 0.5, 0.3, 0.1, 0.05, 0.0};
        long sample = 1;
        for (int p = 0; p < rates.length; p++) {
            builder.problem(10 + p);
            for (int s = 0; s < 20; s++) {
                boolean right = s < Math.round(rates[p] * 20);
                builder.sample(sample++, s, right, right ? "1" : "2", right ? "1" : "2", null, 10, null, true);
            }
        }
        DifficultyBins bins = DifficultyBins.of("liu", builder.build());
        assertEquals(List.of("easy (50–100%)", "medium (10–50%)", "hard (0–10%)"), bins.names());
        assertEquals(
                List.of(0, 0, 1, 1, 2, 2),
                java.util.stream.LongStream.range(10, 16)
                        .mapToObj(id -> bins.bin(id))
                        .toList());
        DifficultyBins edges = DifficultyBins.of("0.25", builder.build());
        assertEquals(List.of("pass@1 25%–100%", "pass@1 0%–25%"), edges.names());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, () -> DifficultyBins.of("0.5,0.1", builder.build()))
                .getMessage()
                .contains("increasing"));
    }
}
