package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The committed GGUF, run by llama.cpp, decodes greedily as the PyTorch model it was exported from
 * (reference completions written by assets/models/tiny-reasoner/evaluate.py --parity).
 */
class TinyReasonerParityTest {
    private static final EmbeddedLlama model = TinyModel.shared();

    @Test
    void greedyOutputMatchesPyTorchOnAtLeast95Of100HeldOutPrompts() throws Exception {
        List<JsonNode> cases = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream("tiny-reasoner-greedy.jsonl")),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                cases.add(json.readTree(line));
            }
        }
        assertThat(cases).hasSize(100);
        int same = 0;
        List<String> differ = new ArrayList<>();
        for (JsonNode c : cases) {
            Generation g = model.generate(
                    GenerationRequest.greedy(c.get("prompt").asText(), 600), ModelBackend.TextStream.NONE, () -> false);
            if (g.text().equals(c.get("completion").asText())) {
                same++;
                assertThat(g.tokens() + 1)
                        .as("tokens incl. <|im_end|>")
                        .isEqualTo(c.get("tokens").asInt());
                assertThat(g.finish()).isEqualTo(FinishReason.STOP);
            } else {
                differ.add(c.get("prompt").asText() + "\n  llama.cpp: " + g.text() + "\n  pytorch:   "
                        + c.get("completion").asText());
            }
        }
        assertThat(same)
                .as("prompts decoded alike; differing:\n%s", String.join("\n", differ))
                .isGreaterThanOrEqualTo(95);
    }

    @Test
    void tokenizerIsCharacterLevelWithControlTokens() {
        assertThat(model.countTokens("<|im_start|>user\n12 + 35<|im_end|>")).isEqualTo(1 + 5 + 7 + 1);
        assertThat(model.countTokens("<think>\n</think>")).isEqualTo(3);
    }
}
