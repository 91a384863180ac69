package dev.ponder.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFindTest {
    @Test
    void findsEveryOccurrenceIgnoringCase() {
        assertThat(TextFind.all("Wait. wait, WAIT", "wait"))
                .extracting(ReflectionMarkers.Hit::start)
                .containsExactly(0, 6, 12);
        assertThat(TextFind.all("aaaa", "aa"))
                .extracting(ReflectionMarkers.Hit::start)
                .containsExactly(0, 2);
        assertThat(TextFind.all("text", "")).isEmpty();
    }

    @Test
    void findsASearchPhraseAsTheIndexReadsIt() {
        String text = "So 75. Hmm, let me\nreconsider: the carry.";
        ReflectionMarkers.Hit hit = TextFind.phrase(text, "Let me reconsider");
        assertThat(text.substring(hit.start(), hit.end())).isEqualTo("let me\nreconsider");
        assertThat(TextFind.phrase("hmm, let me-reconsider", "\"let me reconsider\""))
                .isNotNull();
        assertThat(TextFind.phrase("outlet me reconsider", "let me reconsider")).isNull();
        assertThat(TextFind.phrase("nothing here", "reconsider")).isNull();
    }
}
