package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A model behind an OpenAI-compatible server (vLLM, SGLang, llama.cpp server, Ollama, LM Studio, DeepSeek,
 * OpenRouter, OpenAI), driven through {@code /v1/completions} with raw prompts so that replay controls the
 * thinking delimiters exactly; text streams as server-sent events. What a later try may cure is retried with
 * backoff and jitter, honouring {@code Retry-After}: a busy or failing server (429, 5xx), a connection refused, reset
 * or dropped (a kept-alive connection the server closed), no answer within the timeout, a stream that stalls for the
 * idle time or ends without finishing; each try on a fresh request. Other errors are explained, not retried.
 */
public final class OpenAiCompatible implements ModelBackend {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param baseUrls  the server, e.g. {@code http://localhost:8000/v1}, or several replicas of the same model that
     *                  requests are spread over ({@link EndpointPool})
     * @param apiKey    sent as a bearer token; never stored or logged by this class (null for none)
     * @param timeout   how long the server may take to answer a request (its response headers)
     * @param retries   how many times what a later try may cure is tried again (once more per extra server)
     * @param firstWait the backoff before the first retry when the server names none; doubled after each
     * @param idle      how long a stream may go without data before it counts as stalled
     */
    public record Connection(
            List<URI> baseUrls,
            String model,
            String apiKey,
            Duration timeout,
            int retries,
            Duration firstWait,
            Duration idle) {
        /** How long a stream may go without data by default. */
        public static final Duration IDLE = Duration.ofSeconds(60);

        public Connection {
            if (baseUrls.isEmpty()) {
                throw new IllegalArgumentException("a connection needs a server");
            }
            baseUrls = baseUrls.stream()
                    .map(u -> u.toString().endsWith("/") ? u : URI.create(u + "/"))
                    .toList();
        }

        public Connection(
                URI baseUrl,
                String model,
                String apiKey,
                Duration timeout,
                int retries,
                Duration firstWait,
                Duration idle) {
            this(List.of(baseUrl), model, apiKey, timeout, retries, firstWait, idle);
        }

        public Connection(URI baseUrl, String model, String apiKey, Duration timeout, int retries, Duration firstWait) {
            this(baseUrl, model, apiKey, timeout, retries, firstWait, IDLE);
        }

        public static Connection of(String baseUrl, String model, String apiKey) {
            return of(List.of(baseUrl), model, apiKey, IDLE);
        }

        /** One server or a pool of them, with Ponder's timeouts and retries and the given idle time. */
        public static Connection of(List<String> baseUrls, String model, String apiKey, Duration idle) {
            return new Connection(
                    baseUrls.stream().map(URI::create).toList(),
                    model,
                    apiKey,
                    Duration.ofSeconds(60),
                    4,
                    Duration.ofSeconds(1),
                    idle);
        }

        /** The first server: where the engine is told apart, and what messages name when there is one. */
        URI baseUrl() {
            return baseUrls.get(0);
        }

        /** The same connection trying each request {@code more} times more where a later try may cure it. */
        public Connection withRetries(int more) {
            return new Connection(baseUrls, model, apiKey, timeout, more, firstWait, idle);
        }

        /** The same connection with another idle time. */
        public Connection withIdle(Duration stall) {
            return new Connection(baseUrls, model, apiKey, timeout, retries, firstWait, stall);
        }

        @Override
        public String toString() {
            return "Connection[" + baseUrls + ", model " + model + (apiKey == null ? "" : ", key set") + "]";
        }
    }

    private final Connection connection;
    private final ServerCalls calls;
    private final ServerTokens tokens;

    public OpenAiCompatible(Connection connection) {
        this.connection = connection;
        this.calls = new ServerCalls(connection);
        this.tokens = new ServerTokens(connection, calls);
    }

    @Override
    public Generation generate(GenerationRequest request, TextStream stream, BooleanSupplier cancelled)
            throws ReplayException {
        CompletionStream.Streamed s = complete(request, stream, cancelled);
        return new Generation(s.text.toString(), s.tokens, s.finish);
    }

    /** A raw completion of the request's prompt through {@code /v1/completions}, streamed. */
    private CompletionStream.Streamed complete(GenerationRequest request, TextStream stream, BooleanSupplier cancelled)
            throws ReplayException {
        ObjectNode body = streamingBody(request).put("prompt", request.prompt());
        return streaming(
                "completions",
                uri -> CompletionStream.read(
                        connection.idle(),
                        uri,
                        calls.sendOnce(uri, body),
                        choice -> choice.path("text").asText(""),
                        null,
                        stream,
                        cancelled,
                        request.maxTokens()),
                cancelled);
    }

    /**
     * A chat turn through {@code /v1/chat/completions}, for servers that offer no raw completions (hosted APIs).
     * The reasoning arrives apart from the answer, as {@code reasoning_content} (DeepSeek, older vLLM) or
     * {@code reasoning} (vLLM 0.9+, OpenRouter) deltas; both stream to {@code stream}, the reasoning first.
     * A last assistant message is continued where the server supports it: {@code continuePartial} sends vLLM's
     * {@code continue_final_message} and DeepSeek's {@code prefix} flag.
     */
    public ChatGeneration chat(
            List<ChatMessage> messages,
            boolean continuePartial,
            GenerationRequest request,
            TextStream stream,
            BooleanSupplier cancelled)
            throws ReplayException {
        return chat(messages, continuePartial, null, request, stream, cancelled);
    }

    /**
     * A chat turn whose thinking the server itself caps at {@code thinkingTokenBudget} tokens (vLLM's
     * {@code thinking_token_budget}, enforced by its reasoning parser), or uncapped when null.
     */
    public ChatGeneration chat(
            List<ChatMessage> messages,
            boolean continuePartial,
            Integer thinkingTokenBudget,
            GenerationRequest request,
            TextStream stream,
            BooleanSupplier cancelled)
            throws ReplayException {
        ObjectNode body = streamingBody(request);
        var list = body.putArray("messages");
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            ObjectNode node = list.addObject().put("role", m.role()).put("content", m.content());
            if (continuePartial && i == messages.size() - 1 && m.role().equals("assistant")) {
                node.put("prefix", true);
            }
        }
        if (continuePartial) {
            body.put("continue_final_message", true).put("add_generation_prompt", false);
        }
        if (thinkingTokenBudget != null) {
            body.put("thinking_token_budget", thinkingTokenBudget);
        }
        CompletionStream.Streamed s = streaming(
                "chat/completions",
                uri -> CompletionStream.read(
                        connection.idle(),
                        uri,
                        calls.sendOnce(uri, body),
                        choice -> choice.path("delta").path("content").asText(""),
                        choice -> {
                            JsonNode delta = choice.path("delta");
                            return delta.hasNonNull("reasoning_content")
                                    ? delta.get("reasoning_content").asText()
                                    : delta.path("reasoning").asText("");
                        },
                        stream,
                        cancelled,
                        request.maxTokens()),
                cancelled);
        return new ChatGeneration(s.reasoning.toString(), s.text.toString(), s.tokens, s.finish);
    }

    /**
     * A stream tried until it is whole; one that failed after its caller gave up on it (a sample First Finish Search
     * no longer needs) is a cancelled answer, not a failure.
     */
    private CompletionStream.Streamed streaming(
            String path, ServerCalls.Attempt<CompletionStream.Streamed> attempt, BooleanSupplier cancelled)
            throws ReplayException {
        try {
            return calls.retrying(path, attempt, cancelled);
        } catch (ReplayException e) {
            if (cancelled.getAsBoolean()) {
                return new CompletionStream.Streamed().end(0, FinishReason.CANCELLED);
            }
            throw e;
        }
    }

    /** What both endpoints take: the model, the sampling settings and stop strings, streamed with usage at the end. */
    private ObjectNode streamingBody(GenerationRequest request) {
        ObjectNode body = JSON.createObjectNode()
                .put("model", connection.model())
                .put("max_tokens", request.maxTokens())
                .put("temperature", request.temperature())
                .put("top_p", request.topP())
                .put("seed", request.seed())
                .put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        if (!request.stop().isEmpty()) {
            request.stop().forEach(body.putArray("stop")::add);
        }
        return body;
    }

    /** The OpenAI-compatible server behind a back-end (itself, or the one a chat continuation talks to), or null. */
    public static OpenAiCompatible behind(ModelBackend backend) {
        return backend instanceof OpenAiCompatible direct
                ? direct
                : backend instanceof ChatContinuation chat ? chat.server() : null;
    }

    /** One message of a chat. */
    public record ChatMessage(String role, String content) {}

    /** A chat turn's reasoning (empty where the server hides it) and answer. */
    public record ChatGeneration(String reasoning, String content, int tokens, FinishReason finish) {}

    @Override
    public int countTokens(String text) throws ReplayException {
        return tokens.countAfter("", text);
    }

    /** The tokens {@code text} adds after {@code before}, by the server's own tokenizer ({@link ServerTokens}). */
    @Override
    public int countTokensAfter(String before, String text) throws ReplayException {
        return tokens.countAfter(before, text);
    }

    @Override
    public String tokenCounting() {
        return tokens.how();
    }

    @Override
    public String modelName() {
        return connection.model();
    }

    /** The models the server offers ({@code GET /v1/models}): what "Test connection" shows. */
    public List<String> listModels() throws ReplayException {
        List<String> ids = new java.util.ArrayList<>();
        calls.json("models", null)
                .path("data")
                .forEach(model -> ids.add(model.path("id").asText()));
        return ids;
    }

    /**
     * What the server answers to {@code GET path} from its root ({@code /props}, {@code /version}): its JSON, or
     * empty when it has no such endpoint or answers with something else. One try: for telling engines apart.
     */
    Optional<JsonNode> peek(String path) {
        URI uri = calls.onFirst(path.startsWith("/") ? path : "/" + path);
        try {
            JsonNode json = calls.readJson(uri, calls.sendOnce(uri, null));
            // LM Studio answers what it lacks with 200 and {"error": "Unexpected endpoint or method. ..."}
            return json == null || json.isMissingNode() || !json.isObject() || json.has("error")
                    ? Optional.empty()
                    : Optional.of(json);
        } catch (ReplayException | ServerCalls.Transient | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a one-token streamed completion ends with a {@code usage} event, as {@code include_usage} asks. */
    boolean streamsUsage() throws ReplayException {
        return complete(GenerationRequest.greedy("Hi", 1), TextStream.NONE, () -> false).usageReported;
    }

    /** Whether the server has {@code /tokenize}. */
    boolean hasTokenize() throws ReplayException {
        return tokens.hasTokenize();
    }

    @Override
    public String backendName() {
        return calls.serverCount() == 1
                ? "OpenAI-compatible server at " + calls.servers()
                : "OpenAI-compatible servers at " + calls.servers() + " (a pool of " + calls.serverCount() + ")";
    }

    @Override
    public void close() {
        // The JDK client frees its connections when it is no longer referenced.
    }
}
