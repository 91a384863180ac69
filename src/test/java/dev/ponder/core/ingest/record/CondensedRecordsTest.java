package dev.ponder.core.ingest.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long first record condensed to its shape, and said to be cut when the cap cuts it. */
class CondensedRecordsTest {
    @TempDir
    Path dir;

    @Test
    void aRecordLongerThanTheCapIsCutAndSaidToBe() throws Exception {
        String line = "{\"problem\": \"p\", \"completions\": [\"" + "x".repeat(5000) + "\"], \"scores\": [1]}\n";
        Path file = Files.writeString(dir.resolve("long.jsonl"), line + line);

        CondensedRecords whole = CondensedRecords.of(file, 1 << 20);
        assertThat(whole.capped()).isFalse();
        assertThat(whole.text().lines())
                .hasSize(2)
                .allSatisfy(record -> assertThat(record)
                        .contains("\"problem\"", "\"completions\"", "\"scores\"")
                        .hasSizeLessThan(400));

        CondensedRecords cut = CondensedRecords.of(file, 3000);
        assertThat(cut.capped()).isTrue();
        assertThat(cut.text()).contains("\"problem\"").doesNotContain("\"scores\"");
    }
}
