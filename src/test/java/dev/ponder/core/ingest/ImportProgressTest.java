package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImportProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void saysHowFarHowManyHowFastAndHowLong() {
        ImportProgress progress = new ImportProgress("big.jsonl", 1_034_000_000L, 0);
        assertThat(progress.describe(412_000_000L, 51_200, 0, 10 * SECOND))
                .isEqualTo("Importing big.jsonl: 412 of 1,034 MB · 51,200 samples · 41.2 MB/s · about 15 s left");
    }

    @Test
    void smallFilesGetADecimalAndTheFirstSecondNoRate() {
        ImportProgress progress = new ImportProgress("small.jsonl", 5_500_000L, 0);
        assertThat(progress.describe(1_250_000L, 300, 12, SECOND / 2))
                .isEqualTo("Importing small.jsonl: 1.3 of 5.5 MB · 300 samples, 12 tree nodes");
        assertThat(progress.describe(0, 300, 0, 3 * SECOND)).isEqualTo("Importing small.jsonl: 300 samples");
    }

    @Test
    void durationsReadLikeAClock() {
        assertThat(ImportProgress.duration(Duration.ofMillis(200))).isEqualTo("1 s");
        assertThat(ImportProgress.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
        assertThat(ImportProgress.duration(Duration.ofSeconds(7300))).isEqualTo("2 h 1 min");
    }
}
