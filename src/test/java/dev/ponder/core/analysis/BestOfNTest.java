package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BestOfNTest {

    @Test
    void weightedSumsTheScoresOfEachAnswer() {
        // a: 0.9; b: 0.5 + 0.5 = 1.0 -> b wins although a has the best single score
        RunColumns run = Runs.of("a:1:0.9 b:0:0.5 b:0:0.5");
        assertThat(BestOfN.weighted(run, 0, 3)).isZero();
        assertThat(BestOfN.naive(run, 0, 3)).isEqualTo(1);
        assertThat(BestOfN.weighted(run, 0, 1)).isEqualTo(1);
    }

    @Test
    void tiesGoToWhatWasSeenFirst() {
        RunColumns run = Runs.of("b:0:0.5 a:1:0.5");
        assertThat(BestOfN.weighted(run, 0, 2)).isZero();
        assertThat(BestOfN.naive(run, 0, 2)).isZero();
    }

    @Test
    void aMissingScoreOrTooFewSamplesDoNotCount() {
        RunColumns run = Runs.of("a:1:0.5 b:0:-", "a:1:0.2");
        assertThat(BestOfN.weighted(run, 0, 2)).isNaN();
        assertThat(BestOfN.naive(run, 0, 2)).isNaN();
        BestOfN.Curves curves = BestOfN.curves(run, List.of(1, 2));
        assertThat(curves.weighted().get(0).value()).isEqualTo(1.0);
        assertThat(curves.weighted().get(0).problems()).isEqualTo(2);
        assertThat(curves.weighted().get(1).problems()).isZero();
    }

    @Test
    void noAnswerIsAGroupThatCanWinAndIsWrong() {
        RunColumns run = Runs.of("-:0:0.6 a:1:0.5");
        assertThat(BestOfN.weighted(run, 0, 2)).isZero();
    }
}
