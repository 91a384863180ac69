package dev.ponder.core.replay;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A model to replay against, saved by name in the user's settings: a GGUF file run in-process (no file: the
 * tiny reasoner that ships with Ponder) or an OpenAI-compatible server. The API key comes from the environment
 * variable {@code apiKeyEnv} or, failing that, {@code apiKey} as kept in the owner-only settings file; it is
 * never written anywhere else and {@link #toString()} leaves it out.
 *
 * @param gguf     the model file for {@link Kind#EMBEDDED}; null for the tiny reasoner
 * @param template the prompt template's name ({@link PromptTemplate#named})
 * @param baseUrl  the server's base URL, or several (replicas of the same model, separated by spaces or commas) that
 *                 samples are spread over
 * @param chat     talk to the server through {@code /v1/chat/completions}, continuing the assistant's turn
 *                 ({@link ChatContinuation}), for servers without raw completions
 * @param stallSeconds how long a stream may go without data before it is tried again (0: 60 s); longer for hosted
 *                 models that think without streaming
 */
public record ModelConnection(
        String name,
        Kind kind,
        String gguf,
        String baseUrl,
        String model,
        String apiKeyEnv,
        String apiKey,
        String template,
        int threads,
        int contextPerSequence,
        boolean chat,
        int stallSeconds) {
    public static final String TINY_NAME = "Tiny reasoner (built in)";

    /** Where the model runs. */
    public enum Kind {
        EMBEDDED,
        OPENAI_COMPATIBLE
    }

    public ModelConnection {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a connection needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("connection '" + name + "' needs a kind: EMBEDDED or OPENAI_COMPATIBLE");
        }
        if (kind == Kind.OPENAI_COMPATIBLE && (blank(baseUrl) || blank(model))) {
            throw new IllegalArgumentException(
                    "connection '" + name + "' needs the server's base URL and a model name");
        }
        if (kind == Kind.OPENAI_COMPATIBLE) {
            splitUrls(baseUrl).forEach(ModelConnection::refuseSecretsIn);
        }
        if (stallSeconds < 0) {
            throw new IllegalArgumentException("connection '" + name + "': the stall time is a number of seconds");
        }
        template = blank(template) ? PromptTemplate.CHATML.name() : template;
        PromptTemplate.named(template);
        threads = threads < 1 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
        contextPerSequence = contextPerSequence < 256 ? 4096 : contextPerSequence;
    }

    /** The ready-to-use local model: the tiny reasoner in-process. */
    public static ModelConnection tinyReasoner() {
        return new ModelConnection(TINY_NAME, Kind.EMBEDDED, null, null, null, null, null, "chatml", 0, 0, false, 0);
    }

    public static ModelConnection embedded(String name, String gguf, String template, int threads, int context) {
        return new ModelConnection(
                name, Kind.EMBEDDED, gguf, null, null, null, null, template, threads, context, false, 0);
    }

    public static ModelConnection server(String name, String baseUrl, String model, String apiKeyEnv, String template) {
        return new ModelConnection(
                name, Kind.OPENAI_COMPATIBLE, null, baseUrl, model, apiKeyEnv, null, template, 0, 0, false, 0);
    }

    /** The same server reached through chat completions (true) or raw completions (false). */
    public ModelConnection withChat(boolean viaChat) {
        return withServer(baseUrl, apiKey, viaChat, stallSeconds);
    }

    /** The same server, a stream counting as stalled after {@code seconds} without data (0: the default). */
    public ModelConnection withStallSeconds(int seconds) {
        return withServer(baseUrl, apiKey, chat, seconds);
    }

    /** The same connection with these server settings; what it names otherwise stays. */
    private ModelConnection withServer(String urls, String key, boolean viaChat, int seconds) {
        return new ModelConnection(
                name, kind, gguf, urls, model, apiKeyEnv, key, template, threads, contextPerSequence, viaChat, seconds);
    }

    /** The server's base URLs: one, or the replicas samples are spread over. */
    @JsonIgnore
    public List<String> baseUrls() {
        return splitUrls(baseUrl);
    }

    /** How long a stream may go without data before it counts as stalled. */
    @JsonIgnore
    public Duration stall() {
        return stallSeconds == 0 ? OpenAiCompatible.Connection.IDLE : Duration.ofSeconds(stallSeconds);
    }

    /** One connection per server of a pool (the connection itself when it names one server). */
    @JsonIgnore
    public List<ModelConnection> replicas() {
        if (kind != Kind.OPENAI_COMPATIBLE || baseUrls().size() == 1) {
            return List.of(this);
        }
        return baseUrls().stream()
                .map(url -> withServer(url, apiKey, chat, stallSeconds))
                .toList();
    }

    private static List<String> splitUrls(String urls) {
        return Arrays.stream(urls.strip().split("[\\s,]+"))
                .filter(u -> !u.isEmpty())
                .toList();
    }

    @JsonIgnore
    public PromptTemplate promptTemplate() {
        return PromptTemplate.named(template);
    }

    /** The key to send: from the named environment variable, else the stored one; null for none. */
    public String resolveKey(Map<String, String> environment) {
        if (!blank(apiKeyEnv)) {
            String fromEnvironment = environment.get(apiKeyEnv);
            if (!blank(fromEnvironment)) {
                return fromEnvironment;
            }
        }
        return blank(apiKey) ? null : apiKey;
    }

    /**
     * Opens the back-end: loads the model file (once; close it when done) or prepares the HTTP client.
     * {@code modelsDir} is where the built-in tiny reasoner is copied to.
     */
    public ModelBackend open(Path modelsDir, int parallel) throws ReplayException {
        return open(modelsDir, parallel, promptTemplate());
    }

    /** The same, with a template of the caller's (a custom one) for a chat connection to split prompts by. */
    public ModelBackend open(Path modelsDir, int parallel, PromptTemplate prompts) throws ReplayException {
        return switch (kind) {
            case EMBEDDED -> {
                yield EmbeddedLlama.load(new EmbeddedLlama.Settings(
                        gguf == null ? TinyReasoner.locate(modelsDir) : Path.of(gguf),
                        threads,
                        contextPerSequence,
                        Math.max(1, parallel)));
            }
            case OPENAI_COMPATIBLE -> {
                OpenAiCompatible server = new OpenAiCompatible(serverConnection());
                yield chat ? new ChatContinuation(server, prompts) : server;
            }
        };
    }

    /** The server with Ponder's timeouts and retries, for one question at a time (a model judge). */
    public OpenAiCompatible server() throws ReplayException {
        if (kind != Kind.OPENAI_COMPATIBLE) {
            throw new IllegalStateException("not a server: " + this);
        }
        return new OpenAiCompatible(serverConnection());
    }

    /**
     * The server asked once per request, no retries: a check (Test Connection, {@code ponder server check}) says at
     * once that a server does not answer, where a replay would wait for it to come back.
     */
    public OpenAiCompatible serverForCheck() throws ReplayException {
        if (kind != Kind.OPENAI_COMPATIBLE) {
            throw new IllegalStateException("not a server: " + this);
        }
        return new OpenAiCompatible(serverConnection().withRetries(0));
    }

    /** The servers, the model, the key from its place and the stall time, as the HTTP back-end takes them. */
    private OpenAiCompatible.Connection serverConnection() throws ReplayException {
        return OpenAiCompatible.Connection.of(baseUrls(), model, requiredKey(System.getenv()), stall());
    }

    /**
     * A key written into the URL ({@code http://user:KEY@host/v1}, {@code ?api_key=KEY}) would be recorded wherever
     * the URL is (a run's provenance, a journal, a log); so such a URL is refused, pointing at the key's own place.
     */
    private static void refuseSecretsIn(String baseUrl) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + baseUrl + "' is not a URL; a server's base URL looks like " + "http://localhost:8000/v1");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The server's URL must not carry a key or other parameters (it is "
                    + "recorded with every run): give the base URL alone, like http://localhost:8000/v1, and the key "
                    + "through an environment variable (--api-key-env VAR, or the connection's key field).");
        }
    }

    /**
     * The key to send, or an error naming the environment variable that should hold it when that variable is unset
     * and no key is kept in the settings file: a request without the key would only fail later, with a 401.
     */
    String requiredKey(Map<String, String> environment) throws ReplayException {
        String key = resolveKey(environment);
        if (key == null && !blank(apiKeyEnv)) {
            throw new ReplayException("The environment variable " + apiKeyEnv.strip() + " that should hold the API key "
                    + "for " + name + " is not set: set it (export " + apiKeyEnv.strip() + "=...) or save the key in "
                    + "the connection.");
        }
        return key;
    }

    /** The same connection with another key kept in the settings file (null to forget it). */
    public ModelConnection withStoredKey(String key) {
        return withServer(baseUrl, key, chat, stallSeconds);
    }

    /** What the connection points at, in words (for lists; no key). */
    @JsonIgnore
    public String target() {
        return kind == Kind.EMBEDDED
                ? (gguf == null ? "tiny-reasoner.gguf, in-process" : gguf + ", in-process")
                : model + " at " + baseUrl;
    }

    @Override
    public String toString() {
        String key = !blank(apiKeyEnv) ? ", key from $" + apiKeyEnv : !blank(apiKey) ? ", key from settings" : "";
        return "ModelConnection[" + name + ", " + target() + key + "]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
