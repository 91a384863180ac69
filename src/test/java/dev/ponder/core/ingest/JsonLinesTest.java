package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
    void linesParsedFromTheirBytesAreTheLinesParsedAsTextAndFailTheSameWay() throws IOException {
        String text = "{\"trace\": \"caf\u00e9 \u2211 \ud83e\udd14 \u601d\u8003\\n\\\\boxed{1}\"}";
        byte[] latin1 = "{\"trace\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write((text + "\r\n \t \n").getBytes(StandardCharsets.UTF_8));
        bytes.write(latin1);
        bytes.write("\n{\"trace\": \"cut off\n".getBytes(StandardCharsets.UTF_8));
        JsonLines lines = new JsonLines(new ByteArrayInputStream(bytes.toByteArray()));
        com.fasterxml.jackson.databind.ObjectMapper mapper = dev.ponder.core.ingest.json.Json.MAPPER;

        assertThat(lines.advance()).isTrue();
        assertThat(lines.isBlank()).isFalse();
        assertThat(lines.parse(mapper)).isEqualTo(mapper.readTree(text));
        assertThat(lines.parse(mapper).get("trace").asText()).startsWith("caf\u00e9 \u2211 \ud83e\udd14");
        assertThat(lines.advance()).isTrue();
        assertThat(lines.isBlank()).isTrue();
        assertThat(lines.advance()).isTrue();
        assertThatThrownBy(() -> lines.parse(mapper))
                .isInstanceOf(RecordException.class)
                .hasMessage("not valid UTF-8 (bad byte 0xE9 at byte 15 of the line)");
        assertThat(lines.advance()).isTrue();
        String asText = catchThrowableOfType(
                        () -> mapper.readTree("{\"trace\": \"cut off"),
                        com.fasterxml.jackson.core.JsonProcessingException.class)
                .getOriginalMessage();
        assertThatThrownBy(() -> lines.parse(mapper))
                .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class)
                .satisfies(
                        e -> assertThat(((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage())
                                .isEqualTo(asText));
        assertThat(lines.lineNumber()).isEqualTo(4);
        assertThat(lines.advance()).isFalse();
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
