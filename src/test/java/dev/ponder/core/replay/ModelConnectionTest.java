package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server connection keeps its key out of its URL, and says which variable is missing when the key is. */
class ModelConnectionTest {

    @Test
    void aKeyInTheUrlIsRefusedWithWhereItBelongs() {
        for (String url : new String[] {
            "http://user:sk-secret@localhost:8000/v1",
            "http://localhost:8000/v1?api_key=sk-secret",
            "https://host/v1#sk-secret"
        }) {
            assertThatThrownBy(() -> ModelConnection.server("lab", url, "m", null, "chatml"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must not carry a key")
                    .hasMessageContaining("--api-key-env")
                    .hasMessageNotContaining("sk-secret");
        }
        assertThat(ModelConnection.server("lab", "http://localhost:8000/v1", "m", null, "chatml")
                        .baseUrl())
                .isEqualTo("http://localhost:8000/v1");
    }

    @Test
    void anUnsetKeyVariableIsNamedInsteadOfSendingNoKey() throws Exception {
        ModelConnection connection = ModelConnection.server("lab", "http://localhost:8000/v1", "m", "LAB_KEY", null);
        assertThatThrownBy(() -> connection.requiredKey(Map.of()))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("LAB_KEY")
                .hasMessageContaining("is not set");
        assertThat(connection.requiredKey(Map.of("LAB_KEY", "sk-1"))).isEqualTo("sk-1");
        assertThat(connection.withStoredKey("sk-kept").requiredKey(Map.of()))
                .as("a key kept in the settings file stands in for the variable")
                .isEqualTo("sk-kept");
        assertThat(ModelConnection.server("open", "http://localhost:8000/v1", "m", null, null)
                        .requiredKey(Map.of()))
                .as("no key asked for: none sent")
                .isNull();
    }
}
