package dev.ponder.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneOfAThingIsSingularAndEveryOtherCountPlural() {
        assertThat(Plural.of(1, "sample")).isEqualTo("1 sample");
        assertThat(Plural.of(0, "tree node")).isEqualTo("0 tree nodes");
        assertThat(Plural.of(2, "answer")).isEqualTo("2 answers");
        assertThat(Plural.of(1_204, "problem")).isEqualTo("1,204 problems");
    }
}
