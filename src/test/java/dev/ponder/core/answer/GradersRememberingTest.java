package dev.ponder.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A remembering grader grades each pair once, and forgets when it has held too many to keep the heap flat. */
class GradersRememberingTest {
    @Test
    void gradesEachPairOnceUntilItHasHeldItsLimit() {
        AtomicInteger graded = new AtomicInteger();
        Grader counting = new Grader() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public boolean matches(String extracted, String gold) {
                graded.incrementAndGet();
                return extracted.equals(gold);
            }
        };
        Grader remembering = Graders.remembering(counting);
        assertThat(remembering.grade("4", "4")).isTrue();
        assertThat(remembering.grade("4", "5")).isFalse();
        assertThat(remembering.grade("4", "4")).isTrue();
        assertThat(graded).hasValue(2);
        assertThat(remembering.name()).isEqualTo("counting");

        for (int i = 0; i < Graders.REMEMBERED; i++) {
            remembering.grade("a" + i, "b");
        }
        graded.set(0);
        assertThat(remembering.grade("4", "4")).isTrue();
        assertThat(graded).as("forgotten after the limit, so graded again").hasValue(1);
    }
}
