package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each engine told apart by what it answers where only it has an endpoint, and each feature tried once. */
class ServerProbeTest {
    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"qwen3-8b\",\"object\":\"model\"}]}";
    private static final String STREAM =
            "data: {\"choices\":[{\"index\":0,\"text\":\"!\",\"finish_reason\":\"length\"}]}"
                    + "\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1}}\n\ndata: [DONE]\n\n";
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A server answering these paths (GET or POST) with these bodies, and 404 elsewhere. */
    private OpenAiCompatible serve(Map<String, String> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String body = answers.get(exchange.getRequestURI().getPath());
            if (body == null) {
                reply(exchange, 404, "{\"detail\":\"Not Found\"}");
            } else {
                reply(exchange, 200, body);
            }
            exchange.close();
        });
        server.start();
        return new OpenAiCompatible(new OpenAiCompatible.Connection(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/"),
                "qwen3-8b",
                null,
                Duration.ofSeconds(5),
                0,
                Duration.ofMillis(10)));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders()
                .add("Content-Type", body.startsWith("data:") ? "text/event-stream" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Test
    void llamaCppServerHasPropsAndTokenize() throws Exception {
        ServerReport report = ServerProbe.probe(serve(Map.of(
                "/props",
                "{\"default_generation_settings\":{},\"build_info\":\"b5432-abcdef\"}",
                "/v1/models",
                MODELS,
                "/v1/completions",
                STREAM,
                "/tokenize",
                "{\"tokens\":[1,2]}")));
        assertThat(report.engine()).isEqualTo("llama.cpp server b5432-abcdef");
        assertThat(report.models()).containsExactly("qwen3-8b");
        assertThat(report.supports())
                .containsEntry(ServerReport.RAW_COMPLETIONS, true)
                .containsEntry(ServerReport.USAGE_IN_STREAMS, true)
                .containsEntry(ServerReport.TOKENIZE, true)
                .containsEntry(ServerReport.THINKING_BUDGET, false);
        assertThat(report.describe()).contains("Budget forcing counts tokens with the server's /tokenize.");
    }

    @Test
    void vllmTellsItsVersionAndHasItsOwnThinkingBudget() throws Exception {
        ServerReport report = ServerProbe.probe(serve(Map.of(
                "/version",
                "{\"version\":\"0.9.2\"}",
                "/v1/models",
                MODELS,
                "/v1/completions",
                STREAM,
                "/tokenize",
                "{\"count\":2,\"tokens\":[1,2]}")));
        assertThat(report.engine()).isEqualTo("vLLM 0.9.2");
        assertThat(report.supports()).containsEntry(ServerReport.THINKING_BUDGET, true);
    }

    @Test
    void ollamaHasNoTokenizeSoItsUsageCounts() throws Exception {
        ServerReport report = ServerProbe.probe(serve(Map.of(
                "/api/version", "{\"version\":\"0.6.5\"}",
                "/v1/models", MODELS,
                "/v1/completions", STREAM)));
        assertThat(report.engine()).isEqualTo("Ollama 0.6.5");
        assertThat(report.supports())
                .containsEntry(ServerReport.TOKENIZE, false)
                .containsEntry(ServerReport.USAGE_IN_STREAMS, true);
        assertThat(report.describe()).contains("Budget forcing counts tokens with the server's token usage.");
    }

    @Test
    void aHostedChatOnlyApiSaysToUseChatCompletions() throws Exception {
        ServerReport report = ServerProbe.probe(serve(Map.of("/v1/models", MODELS)));
        assertThat(report.engine()).isEqualTo("an OpenAI-compatible API (engine not told)");
        assertThat(report.supports()).containsEntry(ServerReport.RAW_COMPLETIONS, false);
        assertThat(report.describe()).contains("replay through chat completions (--chat)");
    }
}
