package dev.ponder.app.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.model.SampleLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The samples table says which samples changed their verdict since the same sample's round before. */
class RoundChangesTest {
    @Test
    void eachSampleIndexIsFollowedAcrossItsRounds() {
        List<SampleLine> lines = List.of(
                line(1, 0, 1, true),
                line(2, 0, 2, false),
                line(3, 0, 3, true),
                line(4, 1, 1, false),
                line(5, 1, 2, false),
                line(6, 1, 3, null));

        assertThat(SamplesViewModel.roundChanges(lines))
                .containsEntry(2L, "right → wrong")
                .containsEntry(3L, "wrong → right")
                .doesNotContainKeys(1L, 4L, 5L, 6L);
    }

    private static SampleLine line(long id, int index, int round, Boolean correct) {
        return new SampleLine(id, index, round, "42", "42", correct, 10, "stop", null);
    }
}
