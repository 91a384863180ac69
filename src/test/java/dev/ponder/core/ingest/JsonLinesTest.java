package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.ingest.json.JsonLines;
import dev.ponder.core.ingest.record.RecordException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void splitsOnLfAndCrlfAndDropsTheByteOrderMark() throws IOException {
        assertThat(lines("\uFEFFfirst\r\nsecond\n\nlast without newline"))
                .containsExactly("first", "second", "", "last without newline");
    }

    @Test
    void anEmptyStreamHasNoLines() throws IOException {
        assertThat(lines("")).isEmpty();
        assertThat(lines("\n")).containsExactly("");
    }

    @Test
    void keepsMultiByteCharactersThatStraddleReadChunks() throws IOException {
        String text = "x".repeat((1 << 16) - 1) + "é∑😀";
        assertThat(lines(text + "\nnext")).containsExactly(text, "next");
    }

    @Test
    void readsOneLineOfTwentyMegabytes() throws IOException {
        String huge = "{\"text\": \"" + "a".repeat(20_000_000) + "\"}";
        List<String> lines = lines(huge + "\n{}\n");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(huge.length());
    }

    @Test
    void aBadLineThrowsAndTheNextLineStillReads() throws IOException {
        byte[] bytes = "ok\ncaf\u00e9\nafter\n".getBytes(StandardCharsets.ISO_8859_1);
        JsonLines lines = new JsonLines(new ByteArrayInputStream(bytes));
        assertThat(lines.next()).isEqualTo("ok");
        assertThatThrownBy(lines::next)
                .isInstanceOf(RecordException.class)
                .hasMessage("not valid UTF-8 (bad byte 0xE9 at byte 4 of the line)");
        assertThat(lines.lineNumber()).isEqualTo(2);
        assertThat(lines.next()).isEqualTo("after");
        assertThat(lines.lineNumber()).isEqualTo(3);
        assertThat(lines.next()).isNull();
    }

    @Test
    void aTruncatedMultiByteCharacterAtTheEndIsInvalid() {
        byte[] bytes = {'a', (byte) 0xE2, (byte) 0x88};
        assertThatThrownBy(() -> new JsonLines(new ByteArrayInputStream(bytes)).next())
                .isInstanceOf(RecordException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    private static List<String> lines(String text) throws IOException {
        JsonLines lines = new JsonLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<String> all = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            all.add(line);
        }
        return all;
    }
}
