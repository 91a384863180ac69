package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A server's token counts, with its own tokenizer: its {@code /tokenize} where it has one (vLLM, SGLang, llama.cpp
 * server), else (Ollama's /v1, LM Studio, hosted APIs) the {@code usage.prompt_tokens} it reports with and without
 * the text. Counted in context: what a text costs after what precedes it.
 */
final class ServerTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenAiCompatible.Connection connection;
    private final ServerCalls calls;

    ServerTokens(OpenAiCompatible.Connection connection, ServerCalls calls) {
        this.connection = connection;
        this.calls = calls;
    }

    /** Whether the server offers {@code /tokenize} (vLLM, SGLang, llama.cpp server): found out on first use. */
    private volatile Boolean tokenizes;

    /**
     * Counts with the server's own tokenizer: its {@code /tokenize} where it has one, else (Ollama's {@code /v1}, LM
     * Studio, hosted APIs) the {@code usage.prompt_tokens} it reports for the text after {@code before} and for
     * {@code before} alone, the difference being what the text costs in that context.
     */
    int countAfter(String before, String text) throws ReplayException {
        if (text.isEmpty()) {
            return 0;
        }
        if (!Boolean.FALSE.equals(tokenizes)) {
            Integer counted = tokenize(before + text);
            if (counted != null) {
                tokenizes = true;
                return counted - (before.isEmpty() ? 0 : tokenize(before));
            }
            tokenizes = false;
        }
        return promptTokens(before + text) - (before.isEmpty() ? promptTokens("") : promptTokens(before));
    }

    /** How the server's tokens are counted, for provenance. */
    String how() {
        try {
            if (tokenizes == null) {
                countAfter("Question:", " a");
            }
        } catch (ReplayException e) {
            return "the server's tokenizer (not reached: " + e.getMessage() + ")";
        }
        return Boolean.TRUE.equals(tokenizes)
                ? "the server's /tokenize"
                : "the server's usage (prompt_tokens), as the server has no /tokenize";
    }

    /** The server's count through {@code /tokenize}, or null when it has no such endpoint. */
    private Integer tokenize(String text) throws ReplayException {
        // vLLM and SGLang take {"model","prompt"}, llama.cpp server {"content"}; both answer with "tokens".
        ObjectNode body = JSON.createObjectNode()
                .put("model", connection.model())
                .put("prompt", text)
                .put("content", text)
                .put("add_special_tokens", false);
        JsonNode answer;
        try {
            answer = calls.json("/tokenize", body);
        } catch (ServerRefusal e) {
            if (e.noSuchEndpoint()) {
                return null;
            }
            throw e;
        }
        if (answer.has("count")) {
            return answer.get("count").asInt();
        }
        if (!answer.path("tokens").isArray()) {
            return null; // LM Studio answers 200 with {"error": "Unexpected endpoint or method. (POST /tokenize)"}
        }
        return answer.path("tokens").size();
    }

    /** What the server reports as {@code usage.prompt_tokens} for a one-token completion of {@code prompt}. */
    private int promptTokens(String prompt) throws ReplayException {
        ObjectNode body = JSON.createObjectNode()
                .put("model", connection.model())
                .put("prompt", prompt)
                .put("max_tokens", 1)
                .put("temperature", 0)
                .put("stream", false);
        JsonNode usage = calls.json("completions", body).path("usage").path("prompt_tokens");
        if (!usage.isNumber()) {
            throw new ReplayException("The server at " + calls.servers() + " reports no token usage and has no "
                    + "/tokenize, so the thinking cannot be counted exactly; use a server that does (vLLM, llama.cpp "
                    + "server, Ollama, LM Studio), or its own thinking budget (--server-budget).");
        }
        return usage.asInt();
    }

    /** Whether the server has {@code /tokenize}. */
    boolean hasTokenize() throws ReplayException {
        countAfter("Question:", " a");
        return Boolean.TRUE.equals(tokenizes);
    }
}
