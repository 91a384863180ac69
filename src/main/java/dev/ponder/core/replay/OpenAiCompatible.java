package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

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
     * @param baseUrl   e.g. {@code http://localhost:8000/v1}
     * @param apiKey    sent as a bearer token; never stored or logged by this class (null for none)
     * @param timeout   how long the server may take to answer a request (its response headers)
     * @param retries   how many times what a later try may cure is tried again
     * @param firstWait the backoff before the first retry when the server names none; doubled after each
     * @param idle      how long a stream may go without data before it counts as stalled
     */
    public record Connection(
            URI baseUrl,
            String model,
            String apiKey,
            Duration timeout,
            int retries,
            Duration firstWait,
            Duration idle) {
        /** How long a stream may go without data by default. */
        public static final Duration IDLE = Duration.ofSeconds(60);

        public Connection(URI baseUrl, String model, String apiKey, Duration timeout, int retries, Duration firstWait) {
            this(baseUrl, model, apiKey, timeout, retries, firstWait, IDLE);
        }

        public static Connection of(String baseUrl, String model, String apiKey) {
            return new Connection(
                    URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"),
                    model,
                    apiKey,
                    Duration.ofSeconds(60),
                    4,
                    Duration.ofSeconds(1),
                    IDLE);
        }

        URI endpoint(String path) {
            return baseUrl.resolve(path);
        }

        @Override
        public String toString() {
            return "Connection[" + baseUrl + ", model " + model + (apiKey == null ? "" : ", key set") + "]";
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
        ObjectNode body = streamingBody(request).put("prompt", request.prompt());
        URI uri = connection.endpoint("completions");
        Streamed s = calls.retrying(
                () -> readStream(
                        calls.sendOnce(uri, body),
                        choice -> choice.path("text").asText(""),
                        null,
                        stream,
                        cancelled,
                        request.maxTokens()),
                cancelled);
        return new Generation(s.text.toString(), s.tokens, s.finish);
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
        URI uri = connection.endpoint("chat/completions");
        Streamed s = calls.retrying(
                () -> readStream(
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

    private static final class Streamed {
        final StringBuilder text = new StringBuilder();
        final StringBuilder reasoning = new StringBuilder();
        int tokens;
        FinishReason finish;

        Streamed end(int count, FinishReason why) {
            tokens = count;
            finish = why;
            return this;
        }
    }

    /**
     * Reads {@code data:} events until {@code [DONE]}; the server's usage count wins over counted chunks. A stream that
     * stalls, breaks or ends without finishing is a {@link ServerCalls.Transient} failure, for a fresh try.
     */
    private Streamed readStream(
            HttpResponse<InputStream> response,
            Function<JsonNode, String> content,
            Function<JsonNode, String> reasoningOf,
            TextStream stream,
            BooleanSupplier cancelled,
            int maxTokens)
            throws ReplayException, ServerCalls.Transient {
        Streamed result = new Streamed();
        StringBuilder text = result.text;
        StringBuilder reasoning = result.reasoning;
        int chunks = 0;
        Integer usage = null;
        String finish = null;
        boolean done = false;
        InputStream in = response.body();
        try (IdleGuard guard = new IdleGuard(in, connection.idle());
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = readLine(lines, guard, chunks)) != null; ) {
                if (cancelled.getAsBoolean()) {
                    return result.end(usage != null ? usage : chunks, FinishReason.CANCELLED);
                }
                if (!line.startsWith("data:")) {
                    continue; // blank separators, comments, event names
                }
                String data = line.substring(5).strip();
                if (data.equals("[DONE]")) {
                    done = true;
                    break;
                }
                JsonNode event = JSON.readTree(data);
                if (event.has("error")) {
                    throw new ReplayException(
                            "The server reported an error mid-stream: " + ServerErrors.errorMessage(event));
                }
                for (JsonNode choice : event.path("choices")) {
                    String thought = reasoningOf == null ? "" : reasoningOf.apply(choice);
                    if (!thought.isEmpty()) {
                        reasoning.append(thought);
                        stream.text(thought);
                        chunks++;
                    }
                    String piece = content.apply(choice);
                    if (!piece.isEmpty()) {
                        text.append(piece);
                        stream.text(piece);
                        chunks++;
                    }
                    if (choice.hasNonNull("finish_reason")) {
                        finish = choice.get("finish_reason").asText();
                    }
                }
                if (event.hasNonNull("usage") && event.get("usage").has("completion_tokens")) {
                    usage = event.get("usage").get("completion_tokens").asInt();
                }
            }
        } catch (IOException e) {
            if (cancelled.getAsBoolean()) {
                return result.end(chunks, FinishReason.CANCELLED);
            }
            throw new ServerCalls.Transient(
                    "The connection to " + connection.baseUrl() + " broke after " + chunks + " streamed pieces: "
                            + e.getMessage(),
                    null,
                    e);
        }
        if (!done && finish == null) {
            throw new ServerCalls.Transient(
                    "The stream from " + connection.baseUrl() + " ended after " + chunks
                            + " pieces without finishing (no finish_reason, no [DONE]): the server went away mid-answer.",
                    null,
                    null);
        }
        int tokens = usage != null ? usage : chunks;
        FinishReason reason = "length".equals(finish) || (finish == null && tokens >= maxTokens)
                ? FinishReason.LENGTH
                : FinishReason.STOP;
        return result.end(tokens, reason);
    }

    /** The next line of the stream; a stall the guard noticed is said as such, not as a closed stream. */
    private String readLine(BufferedReader lines, IdleGuard guard, int chunks)
            throws IOException, ServerCalls.Transient {
        try {
            String line = lines.readLine();
            guard.touched();
            return line;
        } catch (IOException e) {
            if (guard.tripped()) {
                throw new ServerCalls.Transient(
                        "The stream from " + connection.baseUrl() + " stalled: no data for "
                                + ServerCalls.seconds(connection.idle()) + " after " + chunks + " streamed pieces.",
                        null,
                        e);
            }
            throw e;
        }
    }

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
        HttpResponse<InputStream> response = calls.send(connection.endpoint("models"), null);
        try (InputStream in = response.body()) {
            List<String> ids = new java.util.ArrayList<>();
            JSON.readTree(in)
                    .path("data")
                    .forEach(model -> ids.add(model.path("id").asText()));
            return ids;
        } catch (IOException e) {
            throw new ReplayException(
                    "Cannot read the model list from " + connection.endpoint("models") + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the server answers to {@code GET path} from its root ({@code /props}, {@code /version}): its JSON, or
     * empty when it has no such endpoint or answers with something else. One try: for telling engines apart.
     */
    Optional<JsonNode> peek(String path) {
        URI uri = connection.baseUrl().resolve("/").resolve(path.startsWith("/") ? path.substring(1) : path);
        try {
            HttpResponse<InputStream> response = calls.sendOnce(uri, null);
            try (InputStream in = response.body()) {
                JsonNode json = JSON.readTree(in);
                return json == null || json.isMissingNode() ? Optional.empty() : Optional.of(json);
            }
        } catch (ReplayException | ServerCalls.Transient | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a one-token streamed completion ends with a {@code usage} event, as {@code include_usage} asks. */
    boolean streamsUsage() throws ReplayException {
        ObjectNode body = streamingBody(GenerationRequest.greedy("Hi", 1)).put("prompt", "Hi");
        URI uri = connection.endpoint("completions");
        HttpResponse<InputStream> response = calls.retrying(() -> calls.sendOnce(uri, body), () -> false);
        try (InputStream in = response.body()) {
            String events = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return events.contains("\"completion_tokens\"");
        } catch (IOException e) {
            throw new ReplayException("Cannot read the stream from " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Whether the server has {@code /tokenize}. */
    boolean hasTokenize() throws ReplayException {
        return tokens.hasTokenize();
    }

    @Override
    public String backendName() {
        return "OpenAI-compatible server at " + connection.baseUrl();
    }

    @Override
    public void close() {
        // The JDK client frees its connections when it is no longer referenced.
    }
}
