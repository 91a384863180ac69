package dev.ponder.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCountersTest {
    private static final Path TINY_BPE = Path.of("src/test/resources/dev/ponder/core/tokens/tiny-bpe-tokenizer.json");

    @Test
    void cl100kIsTheDefaultEstimate() {
        try (TokenCounter counter = TokenCounters.named(null)) {
            assertThat(counter.name()).isEqualTo("cl100k estimate");
            assertThat(counter.isEstimate()).isTrue();
            // "hello world" is two tokens in cl100k and o200k alike
            assertThat(counter.count("hello world")).isEqualTo(2);
            assertThat(counter.count("")).isZero();
        }
        assertThat(TokenCounters.named("o200k").name()).isEqualTo("o200k estimate");
    }

    @Test
    void aTokenizerJsonCountsExactlyWithItsMerges() {
        try (TokenCounter counter = TokenCounters.named(TINY_BPE.toString())) {
            assertThat(counter.isEstimate()).isFalse();
            assertThat(counter.name()).startsWith("tokenizer.json (").endsWith("tiny-bpe-tokenizer.json)");
            // "the" merges to one token, "and" to one, "wait" to one; "x" and "=" are one each; "42" is two
            assertThat(counter.count("The and WAIT")).isEqualTo(3);
            assertThat(counter.count("x = 42")).isEqualTo(4);
            // special tokens count as one each
            assertThat(counter.count("<think>wait</think>")).isEqualTo(3);
        }
    }

    @Test
    void aMissingTokenizerSaysWhere(@TempDir Path dir) {
        assertThatThrownBy(() -> TokenCounters.named(dir.resolve("nope.json").toString()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no tokenizer.json at");
    }

    @Test
    void aTokenizerProblemIsNamedWithTheChoices(@TempDir Path dir) throws Exception {
        assertThat(TokenCounters.problem("o200k")).isEmpty();
        assertThat(TokenCounters.problem("CL100K")).isEmpty();
        assertThat(TokenCounters.problem(dir.resolve("none.json").toString()))
                .contains("No tokenizer file at " + dir.resolve("none.json")
                        + ": choose cl100k, o200k or a model's tokenizer.json.");
        Path text = Files.writeString(dir.resolve("vocab.txt"), "a");
        assertThat(TokenCounters.problem(text.toString()))
                .contains("vocab.txt is not a tokenizer.json: choose cl100k, o200k or a model's tokenizer.json.");
        Path json = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        assertThat(TokenCounters.problem(json.toString())).isEmpty();
    }
}
