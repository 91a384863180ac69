package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
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
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

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
    private final HttpClient http;

    public OpenAiCompatible(Connection connection) {
        this.connection = connection;
        this.http = HttpClient.newBuilder().connectTimeout(connection.timeout()).build();
    }

    @Override
    public Generation generate(GenerationRequest request, TextStream stream, BooleanSupplier cancelled)
            throws ReplayException {
        ObjectNode body = streamingBody(request).put("prompt", request.prompt());
        URI uri = connection.endpoint("completions");
        Streamed s = retrying(
                () -> readStream(
                        sendOnce(uri, body),
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
        Streamed s = retrying(
                () -> readStream(
                        sendOnce(uri, body),
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
     * stalls, breaks or ends without finishing is a {@link Transient} failure, for a fresh try.
     */
    private Streamed readStream(
            HttpResponse<InputStream> response,
            Function<JsonNode, String> content,
            Function<JsonNode, String> reasoningOf,
            TextStream stream,
            BooleanSupplier cancelled,
            int maxTokens)
            throws ReplayException, Transient {
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
            throw new Transient(
                    "The connection to " + connection.baseUrl() + " broke after " + chunks + " streamed pieces: "
                            + e.getMessage(),
                    null,
                    e);
        }
        if (!done && finish == null) {
            throw new Transient(
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
    private String readLine(BufferedReader lines, IdleGuard guard, int chunks) throws IOException, Transient {
        try {
            String line = lines.readLine();
            guard.touched();
            return line;
        } catch (IOException e) {
            if (guard.tripped()) {
                throw new Transient(
                        "The stream from " + connection.baseUrl() + " stalled: no data for "
                                + seconds(connection.idle()) + " after " + chunks + " streamed pieces.",
                        null,
                        e);
            }
            throw e;
        }
    }

    /** Whether the server offers {@code /tokenize} (vLLM, SGLang, llama.cpp server): found out on first use. */
    private volatile Boolean tokenizes;

    @Override
    public int countTokens(String text) throws ReplayException {
        return countTokensAfter("", text);
    }

    /**
     * Counts with the server's own tokenizer: its {@code /tokenize} where it has one, else (Ollama's {@code /v1}, LM
     * Studio, hosted APIs) the {@code usage.prompt_tokens} it reports for the text after {@code before} and for
     * {@code before} alone, the difference being what the text costs in that context.
     */
    @Override
    public int countTokensAfter(String before, String text) throws ReplayException {
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

    @Override
    public String tokenCounting() {
        try {
            countTokensAfter("Question:", " a");
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
        URI uri = connection.baseUrl().resolve("/").resolve("tokenize");
        HttpResponse<InputStream> response;
        try {
            response = retrying(() -> sendOnce(uri, body), () -> false);
        } catch (ReplayException e) {
            if (e.getMessage().contains("(404)") || e.getMessage().contains("(405)")) {
                return null;
            }
            throw e;
        }
        try (InputStream in = response.body()) {
            JsonNode answer = JSON.readTree(in);
            if (answer.has("count")) {
                return answer.get("count").asInt();
            }
            return answer.path("tokens").size();
        } catch (IOException e) {
            throw new ReplayException("Cannot read the token count from " + uri + ": " + e.getMessage(), e);
        }
    }

    /** What the server reports as {@code usage.prompt_tokens} for a one-token completion of {@code prompt}. */
    private int promptTokens(String prompt) throws ReplayException {
        ObjectNode body = JSON.createObjectNode()
                .put("model", connection.model())
                .put("prompt", prompt)
                .put("max_tokens", 1)
                .put("temperature", 0)
                .put("stream", false);
        URI uri = connection.endpoint("completions");
        HttpResponse<InputStream> response = retrying(() -> sendOnce(uri, body), () -> false);
        try (InputStream in = response.body()) {
            JsonNode usage = JSON.readTree(in).path("usage").path("prompt_tokens");
            if (!usage.isNumber()) {
                throw new ReplayException(
                        "The server at " + connection.baseUrl() + " reports no token usage and has no "
                                + "/tokenize, so the thinking cannot be counted exactly; use a server that does (vLLM, "
                                + "llama.cpp server, Ollama, LM Studio), or its own thinking budget (--server-budget).");
            }
            return usage.asInt();
        } catch (IOException e) {
            throw new ReplayException("Cannot read the token usage from " + uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String modelName() {
        return connection.model();
    }

    /** The models the server offers ({@code GET /v1/models}): what "Test connection" shows. */
    public List<String> listModels() throws ReplayException {
        HttpResponse<InputStream> response = send(connection.endpoint("models"), null);
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
            HttpResponse<InputStream> response = sendOnce(uri, null);
            try (InputStream in = response.body()) {
                JsonNode json = JSON.readTree(in);
                return json == null || json.isMissingNode() ? Optional.empty() : Optional.of(json);
            }
        } catch (ReplayException | Transient | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a one-token streamed completion ends with a {@code usage} event, as {@code include_usage} asks. */
    boolean streamsUsage() throws ReplayException {
        ObjectNode body = streamingBody(GenerationRequest.greedy("Hi", 1)).put("prompt", "Hi");
        URI uri = connection.endpoint("completions");
        HttpResponse<InputStream> response = retrying(() -> sendOnce(uri, body), () -> false);
        try (InputStream in = response.body()) {
            String events = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return events.contains("\"completion_tokens\"");
        } catch (IOException e) {
            throw new ReplayException("Cannot read the stream from " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Whether the server has {@code /tokenize}: known once a count has been asked for. */
    boolean hasTokenize() throws ReplayException {
        countTokensAfter("Question:", " a");
        return Boolean.TRUE.equals(tokenizes);
    }

    @Override
    public String backendName() {
        return "OpenAI-compatible server at " + connection.baseUrl();
    }

    @Override
    public void close() {
        // The JDK client frees its connections when it is no longer referenced.
    }

    private HttpResponse<InputStream> send(String path, ObjectNode body) throws ReplayException {
        return send(connection.endpoint(path), body);
    }

    /** Posts {@code body} (GET when null), trying again what a later try may cure, and explains what it cannot. */
    private HttpResponse<InputStream> send(URI uri, ObjectNode body) throws ReplayException {
        return retrying(() -> sendOnce(uri, body), () -> false);
    }

    /** One try at what a later try may cure. */
    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws ReplayException, Transient;
    }

    /**
     * Runs {@code attempt} until it succeeds, fails in a way no later try cures, or has been tried {@code retries}
     * times more; between tries waits what the server asked for, else a backoff doubled each time, with jitter so
     * that many streams failing at once do not come back at once.
     */
    private <T> T retrying(Attempt<T> attempt, BooleanSupplier cancelled) throws ReplayException {
        Duration wait = connection.firstWait();
        for (int tried = 0; ; tried++) {
            try {
                return attempt.run();
            } catch (Transient failure) {
                if (tried >= connection.retries() || cancelled.getAsBoolean()) {
                    throw failure.after(tried);
                }
                Duration pause = failure.retryAfter != null ? failure.retryAfter : jittered(wait);
                wait = wait.multipliedBy(2);
                sleep(pause.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : pause);
            }
        }
    }

    /** "60 s", "0.6 s". */
    private static String seconds(Duration duration) {
        double value = duration.toMillis() / 1000.0;
        return (value == Math.rint(value)
                        ? String.valueOf((long) value)
                        : String.format(java.util.Locale.ROOT, "%.1f", value))
                + " s";
    }

    private static Duration jittered(Duration wait) {
        return Duration.ofMillis(
                (long) (wait.toMillis() * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    /** Sends the request once on a fresh exchange; a failure a later try may cure is a {@link Transient}. */
    private HttpResponse<InputStream> sendOnce(URI uri, ObjectNode body) throws ReplayException, Transient {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(connection.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream, application/json");
        builder = body == null ? builder.GET() : builder.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (connection.apiKey() != null && !connection.apiKey().isBlank()) {
            builder.header("Authorization", "Bearer " + connection.apiKey());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new Transient("No server answers at " + uri + ": is it running, and is the address right?", null, e);
        } catch (HttpTimeoutException e) {
            throw new Transient(
                    "The server at " + uri + " did not answer within "
                            + connection.timeout().toSeconds() + " s.",
                    null,
                    e);
        } catch (IOException e) {
            // reset, refused mid-handshake, or a kept-alive connection the server had closed ("received no bytes")
            throw new Transient("Cannot reach " + uri + ": " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("Interrupted while waiting for " + uri, e);
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response;
        }
        String detail = ServerErrors.drain(response);
        if (status == 429 || status / 100 == 5) {
            Duration asked = ServerErrors.retryAfter(response).orElse(null);
            throw new Transient(null, asked, null) {
                @Override
                ReplayException after(int tried) {
                    return ServerErrors.explain(connection.model(), status, detail, uri, tried);
                }
            };
        }
        throw ServerErrors.explain(connection.model(), status, detail, uri, 0);
    }

    /** A failure a later try may cure; after the last try, the {@link ReplayException} it becomes. */
    private static class Transient extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Duration retryAfter;

        Transient(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        ReplayException after(int tried) {
            return new ReplayException(
                    getMessage() + (tried == 0 ? "" : " (tried " + (tried + 1) + " times)"), getCause());
        }
    }

    private static void sleep(Duration pause) throws ReplayException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("Interrupted while waiting to retry", e);
        }
    }
}
