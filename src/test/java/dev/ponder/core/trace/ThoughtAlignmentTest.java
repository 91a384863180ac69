package dev.ponder.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.trace.ThoughtAlignment.Kind;
import dev.ponder.core.trace.ThoughtAlignment.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThoughtAlignmentTest {
    @Test
    void pairsSimilarThoughtsInOrderAndLeavesTheRestAlone() {
        List<String> left = List.of(
                "First add the units: 7 + 8 = 15.",
                "Carry the one to the tens.",
                "Wait, let me check the tens again.",
                "So the answer is 85.");
        List<String> right = List.of(
                "First add the units: 7 + 8 = 15.",
                "Carry the one into the tens column.",
                "So the answer is 85.",
                "Hmm, could it be 75?");

        List<Row> rows = ThoughtAlignment.align(left, right);

        assertThat(rows)
                .containsExactly(
                        new Row(0, 0, Kind.SAME, 1.0),
                        new Row(1, 1, Kind.CHANGED, rows.get(1).similarity()),
                        new Row(2, -1, Kind.LEFT_ONLY, 0),
                        new Row(3, 2, Kind.SAME, 1.0),
                        new Row(-1, 3, Kind.RIGHT_ONLY, 0));
        // {carry, the, one, to, tens} vs {carry, the, one, into, tens, column}: 4 shared of 7 words
        assertThat(rows.get(1).similarity()).isEqualTo(4.0 / 7);
    }

    @Test
    void alignsEmptySides() {
        assertThat(ThoughtAlignment.align(List.of(), List.of("a b")))
                .containsExactly(new Row(-1, 0, Kind.RIGHT_ONLY, 0));
        assertThat(ThoughtAlignment.align(List.of(), List.of())).isEmpty();
    }
}
