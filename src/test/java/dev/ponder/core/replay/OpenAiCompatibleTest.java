package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP back-end against a loopback server that answers in vLLM's and OpenAI's real wire formats. */
class OpenAiCompatibleTest {
    private static final String KEY = "sk-test-1234567890";
    private HttpServer server;
    private final List<String> bodies = new ArrayList<>();
    private final List<String> auth = new ArrayList<>();

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, int call) throws IOException;
    }

    private OpenAiCompatible serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            handler.handle(exchange, calls.getAndIncrement());
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return new OpenAiCompatible(new OpenAiCompatible.Connection(
                java.net.URI.create(base + "/"), "qwen-tiny", KEY, Duration.ofSeconds(10), 2, Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String vllmChunk(String text, String finish) {
        return "data: {\"id\":\"cmpl-9\",\"object\":\"text_completion\",\"created\":1732350000,\"model\":\"qwen-tiny\","
                + "\"choices\":[{\"index\":0,\"text\":" + quote(text) + ",\"logprobs\":null,\"finish_reason\":"
                + (finish == null ? "null" : quote(finish)) + ",\"stop_reason\":null}],\"usage\":null}\n\n";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void sse(HttpExchange ex, String... events) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (String e : events) {
                out.write(e.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    private static void error(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static final String USAGE =
            "data: {\"id\":\"cmpl-9\",\"object\":\"text_completion\",\"created\":1732350000,"
                    + "\"model\":\"qwen-tiny\",\"choices\":[],\"usage\":{\"prompt_tokens\":31,\"total_tokens\":36,\"completion_tokens\":5}}\n\n";

    @Test
    void streamsVllmChunksAndTakesTheTokenCountFromUsage() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> sse(
                ex,
                vllmChunk("<think>", null),
                vllmChunk("\n12", null),
                vllmChunk("+35", null),
                vllmChunk("", "length"),
                USAGE,
                "data: [DONE]\n\n"));
        List<String> pieces = new ArrayList<>();
        Generation g = model.generate(
                GenerationRequest.greedy("<|im_start|>user\nWhat is 12 + 35?", 5)
                        .withStop(List.of("</think>")),
                pieces::add,
                () -> false);
        assertThat(pieces).containsExactly("<think>", "\n12", "+35");
        assertThat(g.text()).isEqualTo("<think>\n12+35");
        assertThat(g.tokens()).isEqualTo(5);
        assertThat(g.finish()).isEqualTo(FinishReason.LENGTH);
        assertThat(bodies.get(0))
                .contains(
                        "\"prompt\":\"<|im_start|>user\\nWhat is 12 + 35?\"",
                        "\"max_tokens\":5",
                        "\"stream\":true",
                        "\"include_usage\":true",
                        "\"stop\":[\"</think>\"]",
                        "\"model\":\"qwen-tiny\"");
        assertThat(auth.get(0)).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aStopWithoutUsageCountsTheStreamedPieces() throws Exception {
        OpenAiCompatible model =
                serve((ex, call) -> sse(ex, vllmChunk("47", null), vllmChunk("}", "stop"), "data: [DONE]\n\n"));
        Generation g = model.generate(GenerationRequest.greedy("p", 50), ModelBackend.TextStream.NONE, () -> false);
        assertThat(g).isEqualTo(new Generation("47}", 2, FinishReason.STOP));
    }

    @Test
    void retriesA429AfterTheWaitTheServerAsksFor() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> {
            if (call == 0) {
                ex.getResponseHeaders().add("Retry-After", "1");
                error(
                        ex,
                        429,
                        "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
            } else if (call == 1) {
                error(ex, 503, "{\"object\":\"error\",\"message\":\"busy\",\"code\":503}");
            } else {
                sse(ex, vllmChunk("ok", "stop"), "data: [DONE]\n\n");
            }
        });
        long start = System.nanoTime();
        Generation g = model.generate(GenerationRequest.greedy("p", 5), ModelBackend.TextStream.NONE, () -> false);
        assertThat(g.text()).isEqualTo("ok");
        assertThat(bodies).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void givesUpAfterTheRetriesAndSaysWhatTheServerSaid() throws Exception {
        OpenAiCompatible model =
                serve((ex, call) -> error(ex, 503, "{\"object\":\"error\",\"message\":\"overloaded\",\"code\":503}"));
        assertThatThrownBy(() ->
                        model.generate(GenerationRequest.greedy("p", 5), ModelBackend.TextStream.NONE, () -> false))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("503 after 2 retries")
                .hasMessageContaining("overloaded");
        assertThat(bodies).hasSize(3);
    }

    @Test
    void explainsKeyModelContextAndParameterErrorsWithoutRetrying() throws Exception {
        String[][] cases = {
            {
                "401",
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-te****7890.\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}",
                "refused the API key"
            },
            {
                "404",
                "{\"object\":\"error\",\"message\":\"The model `qwen-tiny` does not exist.\",\"type\":\"NotFoundError\",\"param\":null,\"code\":404}",
                "has no model 'qwen-tiny'"
            },
            {
                "400",
                "{\"object\":\"error\",\"message\":\"This model's maximum context length is 4096 tokens. However, you requested 9000 tokens.\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}",
                "do not fit the model's context"
            },
            {
                "400",
                "{\"error\":{\"message\":\"Unrecognized request argument supplied: seed\",\"type\":\"invalid_request_error\"}}",
                "a parameter it does not support"
            },
        };
        for (String[] c : cases) {
            bodies.clear();
            OpenAiCompatible model = serve((ex, call) -> error(ex, Integer.parseInt(c[0]), c[1]));
            assertThatThrownBy(() ->
                            model.generate(GenerationRequest.greedy("p", 5), ModelBackend.TextStream.NONE, () -> false))
                    .isInstanceOf(ReplayException.class)
                    .hasMessageContaining(c[2])
                    .hasMessageNotContaining(KEY);
            assertThat(bodies).hasSize(1);
            stop();
        }
    }

    @Test
    void aStreamCutMidwayIsAnErrorNotAShortAnswer() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> sse(ex, vllmChunk("<think>", null), vllmChunk("\n7+9", null)));
        assertThatThrownBy(() ->
                        model.generate(GenerationRequest.greedy("p", 50), ModelBackend.TextStream.NONE, () -> false))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("ended after 2 pieces without finishing");
    }

    @Test
    void aServerThatIsGoneIsSaidSo() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> error(ex, 200, "{}"));
        stop();
        assertThatThrownBy(() ->
                        model.generate(GenerationRequest.greedy("p", 5), ModelBackend.TextStream.NONE, () -> false))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("No server answers at");
    }

    @Test
    void cancellingStopsReadingTheStream() throws Exception {
        OpenAiCompatible model = serve((ex, call) ->
                sse(ex, vllmChunk("a", null), vllmChunk("b", null), vllmChunk("c", "stop"), "data: [DONE]\n\n"));
        List<String> pieces = new ArrayList<>();
        Generation g = model.generate(GenerationRequest.greedy("p", 50), pieces::add, () -> !pieces.isEmpty());
        assertThat(g.finish()).isEqualTo(FinishReason.CANCELLED);
        assertThat(g.text()).isEqualTo("a");
    }

    @Test
    void countsTokensThroughTheServersTokenizeEndpoint() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> {
            assertThat(ex.getRequestURI().getPath()).isEqualTo("/tokenize");
            error(ex, 200, "{\"count\":3,\"max_model_len\":4096,\"tokens\":[87,2028,30]}");
        });
        assertThat(model.countTokens("Wait")).isEqualTo(3);
    }

    private static String deepseekDelta(String field, String text, String finish) {
        return "data: {\"id\":\"a1\",\"object\":\"chat.completion.chunk\",\"created\":1732350000,\"model\":\"deepseek-reasoner\","
                + "\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":"
                + (field.equals("content") ? quote(text) : "null") + ",\""
                + (field.equals("content") ? "reasoning_content" : field)
                + "\":" + (field.equals("content") ? "null" : quote(text)) + "},\"logprobs\":null,\"finish_reason\":"
                + (finish == null ? "null" : quote(finish)) + "}]}\n\n";
    }

    @Test
    void chatStreamsReasoningDeltasApartFromTheAnswerInDeepSeekAndVllmNames() throws Exception {
        for (String field : new String[] {"reasoning_content", "reasoning"}) {
            bodies.clear();
            OpenAiCompatible model = serve((ex, call) -> sse(
                    ex,
                    deepseekDelta(field, "7+9=16", null),
                    deepseekDelta(field, ", so 936", null),
                    deepseekDelta("content", "\\boxed{936}", "stop"),
                    "data: {\"id\":\"a1\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,"
                            + "\"completion_tokens\":9,\"total_tokens\":21,\"completion_tokens_details\":{\"reasoning_tokens\":6}}}\n\n",
                    "data: [DONE]\n\n"));
            StringBuilder streamed = new StringBuilder();
            OpenAiCompatible.ChatGeneration g = model.chat(
                    List.of(
                            new OpenAiCompatible.ChatMessage("user", "347+589?"),
                            new OpenAiCompatible.ChatMessage("assistant", "<think>\n")),
                    true,
                    GenerationRequest.greedy("", 100),
                    streamed::append,
                    () -> false);
            assertThat(g.reasoning()).isEqualTo("7+9=16, so 936");
            assertThat(g.content()).isEqualTo("\\boxed{936}");
            assertThat(g.tokens()).isEqualTo(9);
            assertThat(g.finish()).isEqualTo(FinishReason.STOP);
            assertThat(streamed.toString()).isEqualTo("7+9=16, so 936\\boxed{936}");
            assertThat(bodies.get(0))
                    .contains(
                            "\"continue_final_message\":true",
                            "\"prefix\":true",
                            "\"role\":\"assistant\"",
                            "\"add_generation_prompt\":false");
            stop();
        }
    }

    private static String llamaCppChunk(String text, String finish, String usageAndTimings) {
        return "data: {\"choices\":[{\"text\":" + quote(text) + ",\"index\":0,\"logprobs\":null,\"finish_reason\":"
                + (finish == null ? "null" : quote(finish))
                + "}],\"created\":1732350000,\"model\":\"tiny-reasoner.gguf\","
                + "\"system_fingerprint\":\"b4916-c6af2161\",\"object\":\"text_completion\",\"id\":\"chatcmpl-x1\""
                + (usageAndTimings == null ? "" : "," + usageAndTimings) + "}\n\n";
    }

    @Test
    void readsLlamaCppServerStreamsWithUsageInTheLastChunk() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> sse(
                ex,
                llamaCppChunk("<think>", null, null),
                llamaCppChunk("\n7", null, null),
                llamaCppChunk(
                        "",
                        "stop",
                        "\"usage\":{\"completion_tokens\":3,\"prompt_tokens\":35,\"total_tokens\":38},"
                                + "\"timings\":{\"prompt_n\":35,\"predicted_n\":3,\"predicted_per_second\":530.1}"),
                "data: [DONE]\n\n"));
        Generation g = model.generate(
                GenerationRequest.greedy("p", 100).withStop(List.of("</think>")),
                ModelBackend.TextStream.NONE,
                () -> false);
        assertThat(g).isEqualTo(new Generation("<think>\n7", 3, FinishReason.STOP));
    }

    @Test
    void explainsLlamaCppContextErrors() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> error(
                ex,
                400,
                "{\"error\":{\"code\":400,\"message\":\"the request "
                        + "exceeds the available context size. try increasing the context size or enable context shift\","
                        + "\"type\":\"exceed_context_size_error\"}}"));
        assertThatThrownBy(() ->
                        model.generate(GenerationRequest.greedy("p", 5), ModelBackend.TextStream.NONE, () -> false))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("do not fit the model's context")
                .hasMessageContaining("exceeds the available context size");
    }

    @Test
    void testConnectionListsTheServersModels() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> {
            assertThat(ex.getRequestMethod()).isEqualTo("GET");
            assertThat(ex.getRequestURI().getPath()).isEqualTo("/v1/models");
            error(
                    ex,
                    200,
                    "{\"object\":\"list\",\"data\":[{\"id\":\"Qwen/QwQ-32B\",\"object\":\"model\","
                            + "\"created\":1732350000,\"owned_by\":\"vllm\",\"max_model_len\":32768},"
                            + "{\"id\":\"qwen-tiny\",\"object\":\"model\"}]}");
        });
        assertThat(model.listModels()).containsExactly("Qwen/QwQ-32B", "qwen-tiny");
    }

    @Test
    void theServersOwnThinkingBudgetIsAskedForAndItsReasoningBecomesTheThinking() throws Exception {
        OpenAiCompatible model = serve((ex, call) -> {
            if (ex.getRequestURI().getPath().equals("/tokenize")) {
                error(ex, 200, "{\"count\":4,\"max_model_len\":4096,\"tokens\":[1,2,3,4]}");
                return;
            }
            sse(
                    ex,
                    deepseekDelta("reasoning", "7+9=16", null),
                    deepseekDelta("reasoning", ", so 936", null),
                    deepseekDelta("content", "\\boxed{936}", "stop"),
                    "data: [DONE]\n\n");
        });
        NativeThinkingBudget budget =
                new NativeThinkingBudget(model, PromptTemplate.CHATML, BudgetForcing.Params.cap(16));
        ReplayedTrace t = budget.run(
                "What is 920 + 16?", GenerationRequest.greedy("", 1), ModelBackend.TextStream.NONE, () -> false);
        assertThat(bodies.get(0))
                .contains("\"thinking_token_budget\":16", "\"max_tokens\":528", "\"content\":\"What is 920 + 16?\"");
        assertThat(t.text()).isEqualTo("<think>\n7+9=16, so 936</think>\\boxed{936}");
        assertThat(t.thinking()).isEqualTo("7+9=16, so 936");
        assertThat(t.answer()).isEqualTo("\\boxed{936}");
        assertThat(t.tokensThinking()).isEqualTo(3);
        assertThat(t.segments()).isEmpty();
    }

    @Test
    void budgetForcingRunsOverChatCompletionsByContinuingTheAssistantsTurn() throws Exception {
        AtomicInteger chats = new AtomicInteger();
        OpenAiCompatible server = serve((ex, call) -> {
            if (ex.getRequestURI().getPath().equals("/tokenize")) {
                // One token a word, as a tokenizer would count the text in context.
                String content = new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(bodies.get(bodies.size() - 1))
                        .path("content")
                        .asText();
                long words = java.util.Arrays.stream(content.split("\\s+"))
                        .filter(word -> !word.isEmpty())
                        .count();
                error(ex, 200, "{\"count\":" + words + "}");
                return;
            }
            switch (chats.getAndIncrement()) {
                case 0 -> sse(ex, deepseekDelta("reasoning", "Let", "length"), "data: [DONE]\n\n");
                case 1 -> sse(ex, deepseekDelta("content", " me add", "length"), "data: [DONE]\n\n");
                default -> sse(ex, deepseekDelta("content", " \\boxed{12}", "stop"), "data: [DONE]\n\n");
            }
        });
        BudgetForcing forcing = new BudgetForcing(
                new ChatContinuation(server, PromptTemplate.CHATML),
                PromptTemplate.CHATML,
                BudgetForcing.Params.cap(3));
        ReplayedTrace t = forcing.run(
                "What is 5 + 7?", GenerationRequest.greedy("", 1), ModelBackend.TextStream.NONE, () -> false);
        assertThat(t.text()).isEqualTo("<think>\nLet me add\n</think>\nFinal Answer: \\boxed{12}");
        assertThat(t.capped()).isTrue();
        assertThat(t.thinking()).isEqualTo("\nLet me add");
        List<String> chatBodies =
                bodies.stream().filter(b -> b.contains("\"messages\"")).toList();
        assertThat(chatBodies.get(0))
                .contains("\"messages\":[{\"role\":\"user\",\"content\":\"What is 5 + 7?\"}]")
                .doesNotContain("continue_final_message");
        assertThat(chatBodies.get(1))
                .contains(
                        "{\"role\":\"assistant\",\"content\":\"<think>\\nLet\",\"prefix\":true}",
                        "\"continue_final_message\":true",
                        "\"add_generation_prompt\":false",
                        "\"max_tokens\":2");
        assertThat(chatBodies.get(2)).contains("Final Answer:");
    }
}
