package dev.ponder.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompactNumbersTest {
    @Test
    void smallNumbersAsTheyAreLargeOnesWithAPrefix() {
        CompactNumbers format = new CompactNumbers();
        assertThat(format.format(1024)).isEqualTo("1,024");
        assertThat(format.format(9999)).isEqualTo("9,999");
        assertThat(format.format(10_000)).isEqualTo("10k");
        assertThat(format.format(16_384)).isEqualTo("16.4k");
        assertThat(format.format(1_000_000)).isEqualTo("1M");
        assertThat(format.format(2_147_483_648.0)).isEqualTo("2.15G");
        assertThat(format.format(6.87e13)).isEqualTo("68.7T");
    }
}
