package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLlamaTest {

    @Test
    void aMissingOrForeignFileIsExplainedNotLoaded(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nowhere.gguf");
        assertThatThrownBy(() -> EmbeddedLlama.load(EmbeddedLlama.Settings.of(missing)))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("No model file at " + missing);
        Path text = Files.writeString(dir.resolve("model.gguf"), "not a model");
        assertThatThrownBy(() -> EmbeddedLlama.load(EmbeddedLlama.Settings.of(text)))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("model.gguf is not a GGUF model file");
    }

    @Test
    void reportsLengthStopAndStopStringsInTokens() throws ReplayException {
        try (EmbeddedLlama model = TinyModel.load()) {
            String prompt = PromptTemplate.CHATML.render("What is 12 + 35?");
            StringBuilder streamed = new StringBuilder();
            Generation cut = model.generate(GenerationRequest.greedy(prompt, 5), streamed::append, () -> false);
            assertThat(cut.finish()).isEqualTo(FinishReason.LENGTH);
            assertThat(cut.tokens()).isEqualTo(5);
            assertThat(cut.text()).isEqualTo(streamed.toString()).isEqualTo("<think>\n12+");
            Generation thought = model.generate(
                    GenerationRequest.greedy(prompt, 200).withStop(List.of("</think>")),
                    ModelBackend.TextStream.NONE,
                    () -> false);
            assertThat(thought.finish()).isEqualTo(FinishReason.STOP);
            assertThat(thought.text())
                    .startsWith("<think>")
                    .doesNotContain("</think>")
                    .endsWith("=47\n");
            assertThat(thought.tokens()).isEqualTo(model.countTokens(thought.text()));
            assertThat(model.modelName()).isEqualTo("tiny-reasoner.gguf");
        }
    }
}
