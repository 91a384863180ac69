package dev.ponder.core.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamingBenchmarkTest {

    @Test
    void everyStreamArrivesWholeAndInOrder() throws Exception {
        StreamingBenchmark.Result r = StreamingBenchmark.run(16, 2, 50);
        assertThat(r.tokens()).isEqualTo(16 * 2 * 50);
        assertThat(r.lost()).isZero();
    }
}
