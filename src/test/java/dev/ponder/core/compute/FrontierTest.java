package dev.ponder.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ponder.core.compute.ComputeFrontier.Bin;
import dev.ponder.core.compute.ComputeFrontier.Winner;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontierTest {
    /**
     * Six problems, three easy and three hard. A (one sample, cost 10) solves the easy ones only; B solves two of
     * each with one sample (cost 10) and all with two (cost 20). Overall B wins; on the easy bin A wins at both
     * budgets (tied with B's two samples at 20, and cheaper); on the hard bin B.
     */
    private static ComputeFrontier frontier(int baseline, boolean crossValidate) {
        RunCurve a = new RunCurve(
                1, "A", new int[] {1}, new double[][] {{1, 1, 1, 0, 0, 0}}, new double[][] {{10, 10, 10, 10, 10, 10}});
        RunCurve b = new RunCurve(
                2, "B", new int[] {1, 2}, new double[][] {{1, 1, 0, 1, 1, 0}, {1, 1, 1, 1, 1, 1}}, new double[][] {
                    {10, 10, 10, 10, 10, 10}, {20, 20, 20, 20, 20, 20}
                });
        return ComputeFrontier.of(
                List.of(a, b),
                new int[] {0, 0, 0, 1, 1, 1},
                List.of("easy", "hard"),
                new ComputeFrontier.Options(200, 7, baseline, crossValidate, 0.001));
    }

    @Test
    void theWinnerPerBinFlipsAsComputedByHand() {
        ComputeFrontier frontier = frontier(-1, false);
        assertEquals(List.of(10.0, 20.0), frontier.budgets());
        Bin all = frontier.bin("all problems");
        assertEquals(List.of("B@1 4/6", "B@2 6/6"), names(frontier, all.winners()));
        assertEquals(
                List.of("B@1 4/6", "B@2 6/6"),
                all.frontier().stream()
                        .map(p ->
                                frontier.runs().get(p.run()) + "@" + p.k() + " " + Math.round(p.accuracy() * 6) + "/6")
                        .toList());
        Bin easy = frontier.bin("easy");
        assertEquals(List.of("A@1 3/3", "A@1 3/3"), names(frontier, easy.winners()));
        assertEquals("B", frontier.runs().get(easy.winners().get(0).runnerUp().run()));
        assertEquals(2 / 3.0, easy.winners().get(0).runnerUp().accuracy(), 1e-12);
        Bin hard = frontier.bin("hard");
        assertEquals(List.of("B@1 2/3", "B@2 3/3"), names(frontier, hard.winners()));
        assertEquals(0, hard.winners().get(0).runnerUp().accuracy(), 1e-12);
        assertNull(easy.winners().get(0).matching());
        assertEquals(Double.NaN, easy.winners().get(0).crossValidated());
    }

    @Test
    void theBaselineNeedsTwiceTheComputeToMatchAOnTheEasyBin() {
        Bin easy = frontier(1, true).bin("easy");
        Winner first = easy.winners().get(0);
        // B reaches 1.0 on the easy bin only at two samples (cost 20): twice A's 10.
        assertEquals(20, first.matching().baselineCost(), 1e-9);
        assertEquals(2, first.matching().ratio(), 1e-9);
        // On the hard bin B is the winner itself: a ratio of 1.
        assertEquals(
                1, frontier(1, true).bin("hard").winners().get(0).matching().ratio(), 1e-9);
    }

    @Test
    void logLinearReadingBetweenTheBaselinesPoints() {
        double[][] curve = {{10, 0.2}, {40, 0.6}};
        assertEquals(20, Matchings.needed(curve, 0.4), 1e-9);
        assertEquals(10, Matchings.needed(curve, 0.1), 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, Matchings.needed(curve, 0.7));
    }

    @Test
    void crossValidationExposesAChoiceThatOnlyFitsTheProblemsItWasMadeOn() {
        boolean[] first = ComputeFrontier.halves(6, 7);
        double[] p = new double[6];
        double[] q = new double[6];
        for (int i = 0; i < 6; i++) {
            p[i] = first[i] ? 1 : 0; // P solves the first half only, Q the second
            q[i] = first[i] ? 0 : 1;
        }
        double[][] cost = {{10, 10, 10, 10, 10, 10}};
        List<RunCurve> curves = List.of(
                new RunCurve(1, "P", new int[] {1}, new double[][] {p}, cost),
                new RunCurve(2, "Q", new int[] {1}, new double[][] {q}, cost),
                new RunCurve(3, "R", new int[] {1}, new double[][] {{0.4, 0.4, 0.4, 0.4, 0.4, 0.4}}, cost));
        Winner winner = ComputeFrontier.of(
                        curves, new int[6], List.of("one"), new ComputeFrontier.Options(100, 7, -1, true, 0.001))
                .bin("all problems")
                .winners()
                .get(0);
        // On all problems P and Q reach 0.5 and win; each half chooses the run that solved it and scores 0 on the
        // other half.
        assertEquals(0.5, winner.best().accuracy(), 1e-12);
        assertEquals(0, winner.crossValidated(), 1e-12);
        // A run that is as good everywhere survives the split: R alone.
        Winner alone = ComputeFrontier.of(
                        List.of(curves.get(2)),
                        new int[6],
                        List.of("one"),
                        new ComputeFrontier.Options(100, 7, -1, true, 0.001))
                .bins()
                .get(0)
                .winners()
                .get(0);
        assertEquals(0.4, alone.crossValidated(), 1e-12);
    }

    private static List<String> names(ComputeFrontier frontier, List<Winner> winners) {
        return winners.stream()
                .map(w -> frontier.runs().get(w.best().run()) + "@" + w.best().k() + " "
                        + Math.round(w.best().accuracy() * w.best().problems()) + "/"
                        + w.best().problems())
                .toList();
    }
}
