package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ponder.core.model.Problem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A strategy the server cannot run exactly is refused with the reason before any sample is sent. */
class ReplayPreflightTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Problem> PROBLEMS = List.of(new Problem(1, "p1", null, "What is 2 + 3?", "5", null));
    private HttpServer server;
    private final List<Integer> maxTokensAsked = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static ReplayRequest request(List<Integer> budgets, boolean serverBudget) {
        return new ReplayRequest(
                "check",
                budgets.isEmpty() ? ReplayStrategy.SAMPLING : ReplayStrategy.BUDGET_FORCING,
                PROBLEMS,
                budgets,
                1,
                1,
                new BudgetForcing.Params(0, 0, "Wait", 0, "Final Answer:", 64, 256),
                0.8,
                1.0,
                7,
                1,
                null,
                null,
                serverBudget);
    }

    private static OpenAiCompatible connect(String url) {
        return new OpenAiCompatible(new OpenAiCompatible.Connection(
                URI.create(url), "m", null, Duration.ofSeconds(5), 1, Duration.ofMillis(10), Duration.ofSeconds(2)));
    }

    @Test
    void theServersOwnThinkingBudgetIsRefusedWhereTheEngineWouldIgnoreIt() throws Exception {
        try (LoopbackServer llama = new LoopbackServer(LoopbackServer.Flavor.LLAMA_CPP, Duration.ofSeconds(1), 1);
                LoopbackServer vllm = new LoopbackServer(LoopbackServer.Flavor.VLLM, Duration.ofSeconds(1), 1)) {
            assertThatThrownBy(() -> ReplayPreflight.check(request(List.of(64), true), connect(llama.url())))
                    .isInstanceOf(ReplayException.class)
                    .hasMessageContaining("llama.cpp server")
                    .hasMessageContaining("drop --server-budget");
            assertThat(llama.completions()).isZero();
            assertThatCode(() -> ReplayPreflight.check(request(List.of(64), true), connect(vllm.url())))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aModelServedThroughChatOnlyIsToldToGoThroughChatCompletions() throws Exception {
        // OpenAI's answer to a chat model asked for a raw completion
        String url = serve(
                404,
                "{\"error\":{\"message\":\"This is a chat model and not supported in the "
                        + "v1/completions endpoint. Did you mean to use v1/chat/completions?\",\"type\":"
                        + "\"invalid_request_error\",\"param\":\"model\",\"code\":null}}",
                true);
        assertThatThrownBy(() -> ReplayPreflight.check(request(List.of(), false), connect(url)))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("chat completions (--chat");
        assertThat(maxTokensAsked)
                .as("nothing but the one-token check was sent")
                .containsOnly(1);
    }

    @Test
    void budgetsAreRefusedOnAServerThatCanCountNoTokens() throws Exception {
        String url = serve(200, null, false);
        assertThatCode(() -> ReplayPreflight.check(request(List.of(), false), connect(url)))
                .as("sampling needs no counts")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ReplayPreflight.check(request(List.of(64), false), connect(url)))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("need exact token counts")
                .hasMessageContaining("reports no token usage and has no /tokenize");
        assertThat(maxTokensAsked).containsOnly(1);
    }

    /**
     * A server whose completions answer {@code status} with {@code error}, or (when null) stream without usage and
     * answer without it, and that has no {@code /tokenize}.
     */
    private String serve(int status, String error, boolean failCompletions) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                String path = exchange.getRequestURI().getPath();
                if (!path.equals("/v1/completions")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                maxTokensAsked.add(body.path("max_tokens").asInt());
                String answer = failCompletions
                        ? error
                        : body.path("stream").asBoolean()
                                ? "data: {\"choices\":[{\"index\":0,\"text\":\"x\",\"finish_reason\":\"length\"}]}"
                                        + "\n\ndata: [DONE]\n\n"
                                : "{\"choices\":[{\"index\":0,\"text\":\"x\",\"finish_reason\":\"length\"}]}";
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(failCompletions ? status : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }
}
