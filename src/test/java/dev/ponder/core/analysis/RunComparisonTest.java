package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ponder.core.analysis.RunComparison.Flip;
import dev.ponder.core.analysis.RunComparison.Solved;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paired run comparison on hand-computed cases. */
class RunComparisonTest {
    @Test
    void mcNemarsExactTestIsTheTwoSidedBinomialOfTheDiscordantProblems() {
        // A solves problem 0 alone, B problems 1-9 alone, both solve 10, neither 11: b = 1, c = 9
        List<String> a = new java.util.ArrayList<>(List.of("4:1"));
        List<String> b = new java.util.ArrayList<>(List.of("5:0"));
        a.addAll(Collections.nCopies(9, "5:0"));
        b.addAll(Collections.nCopies(9, "4:1"));
        a.addAll(List.of("4:1", "5:0"));
        b.addAll(List.of("4:1", "5:0"));

        RunComparison c = RunComparison.of(
                Runs.of(a.toArray(String[]::new)), Runs.of(b.toArray(String[]::new)), Solved.FIRST, null, 200, 7);

        assertThat(new int[] {c.shared(), c.both(), c.aOnly(), c.bOnly(), c.neither()})
                .containsExactly(12, 1, 1, 9, 1);
        // 2 · P(X ≤ 1), X ~ Binomial(10, 1/2) = 2 · 11/1024
        assertThat(c.exactP()).isCloseTo(0.021484375, within(1e-15));
        // (|1 − 9| − 1)² / 10 = 4.9; SciPy: chi2.sf(4.9, 1) = 0.026856...
        assertThat(c.chiSquared()).isCloseTo(4.9, within(1e-12));
        assertThat(c.chiSquaredP()).isCloseTo(0.0268566955, within(1e-9));
        assertThat(c.problems().get(0).flip()).isEqualTo(Flip.A_ONLY);
    }

    @Test
    void thePairedDifferenceHasItsStandardErrorAndItsClusteredError() {
        // pass rates A 0, .5, .5, 1 and B 1, .5, 1, .5: d = 1, 0, .5, −.5, mean .25
        RunColumns a = Runs.of("a:0 a:0", "a:1 b:0", "a:1 b:0", "a:1 a:1");
        RunColumns b = Runs.of("a:1 a:1", "a:1 b:0", "a:1 a:1", "a:1 b:0");

        RunComparison c = RunComparison.of(a, b, Solved.RATE, id -> id < 102 ? "x" : "y", 1000, 7);

        assertThat(c.difference()).isEqualTo(0.25);
        // squares of the deviations .75, −.25, .25, −.75 sum to 1.25; sd = √(1.25 / 3); SE = sd / √4
        assertThat(c.standardError()).isCloseTo(Math.sqrt(1.25 / 3) / 2, within(1e-12));
        // group x sums .75 − .25 = .5, group y .25 − .75 = −.5: √(.25 + .25) / 4
        assertThat(c.clusteredError()).isCloseTo(Math.sqrt(0.5) / 4, within(1e-12));
        assertThat(c.groups()).isEqualTo(2);
        assertThat(c.interval().low()).isLessThanOrEqualTo(0.25);
        assertThat(c.interval().high()).isGreaterThanOrEqualTo(0.25);
        // by rate ≥ 1/2: A solves 1, 2, 3; B all four
        assertThat(new int[] {c.both(), c.aOnly(), c.bOnly(), c.neither()}).containsExactly(3, 0, 1, 0);
        assertThat(c.problems().get(1).majorityA()).isEqualTo("a");
    }

    @Test
    void problemsOnlyOneRunHasAreCountedApart() {
        RunComparison c = RunComparison.of(Runs.of("a:1", "a:1"), Runs.of("a:1"), Solved.MAJORITY, null, 0, 7);
        assertThat(new int[] {c.shared(), c.onlyA(), c.onlyB()}).containsExactly(1, 1, 0);
        assertThat(c.exactP()).isEqualTo(1.0);
        assertThat(c.clusteredError()).isNaN();
    }

    @Test
    void pairedPassAtKAndMajAtKOverTheProblemsWithKSamplesInBoth() {
        RunColumns a = Runs.of("a:1 b:0 b:0", "a:0 a:0", "a:1");
        RunColumns b = Runs.of("a:1 a:1 b:0", "a:1 b:0", "a:1");

        PairedAtK at = PairedAtK.of(a, b, 2, 200, 7);

        assertThat(at.problems()).as("the third has one sample").isEqualTo(2);
        // pass@2: A 1 − C(2,2)/C(3,2) = 2/3 and 0; B 1 and 1; d = 1/3, 1
        assertThat(at.passAtK().value()).isCloseTo(2.0 / 3, within(1e-12));
        // maj@2 over the first two samples, ties to the answer seen first: A 1 and 0, B 1 and 1; d = 0, 1
        assertThat(at.majAtK().value()).isEqualTo(0.5);
        assertThat(at.majAtK().standardError()).isCloseTo(Math.sqrt(0.5) / Math.sqrt(2), within(1e-12));
    }
}
