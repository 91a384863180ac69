package dev.ponder.core.replay;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model to replay against, saved by name in the user's settings: a GGUF file run in-process (no file: the
 * tiny reasoner that ships with Ponder) or an OpenAI-compatible server. The API key comes from the environment
 * variable {@code apiKeyEnv} or, failing that, {@code apiKey} as kept in the owner-only settings file; it is
 * never written anywhere else and {@link #toString()} leaves it out.
 *
 * @param gguf     the model file for {@link Kind#EMBEDDED}; null for the tiny reasoner
 * @param template the prompt template's name ({@link PromptTemplate#named})
 * @param chat     talk to the server through {@code /v1/chat/completions}, continuing the assistant's turn
 *                 ({@link ChatContinuation}), for servers without raw completions
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
        boolean chat) {
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
        template = blank(template) ? PromptTemplate.CHATML.name() : template;
        PromptTemplate.named(template);
        threads = threads < 1 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
        contextPerSequence = contextPerSequence < 256 ? 4096 : contextPerSequence;
    }

    /** The ready-to-use local model: the tiny reasoner in-process. */
    public static ModelConnection tinyReasoner() {
        return new ModelConnection(TINY_NAME, Kind.EMBEDDED, null, null, null, null, null, "chatml", 0, 0, false);
    }

    public static ModelConnection embedded(String name, String gguf, String template, int threads, int context) {
        return new ModelConnection(
                name, Kind.EMBEDDED, gguf, null, null, null, null, template, threads, context, false);
    }

    public static ModelConnection server(String name, String baseUrl, String model, String apiKeyEnv, String template) {
        return new ModelConnection(
                name, Kind.OPENAI_COMPATIBLE, null, baseUrl, model, apiKeyEnv, null, template, 0, 0, false);
    }

    /** The same server reached through chat completions (true) or raw completions (false). */
    public ModelConnection withChat(boolean viaChat) {
        return new ModelConnection(
                name, kind, gguf, baseUrl, model, apiKeyEnv, apiKey, template, threads, contextPerSequence, viaChat);
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
            case EMBEDDED ->
                EmbeddedLlama.load(new EmbeddedLlama.Settings(
                        gguf == null ? TinyReasoner.locate(modelsDir) : Path.of(gguf),
                        threads,
                        contextPerSequence,
                        Math.max(1, parallel)));
            case OPENAI_COMPATIBLE -> {
                OpenAiCompatible server = new OpenAiCompatible(
                        OpenAiCompatible.Connection.of(baseUrl, model, resolveKey(System.getenv())));
                yield chat ? new ChatContinuation(server, prompts) : server;
            }
        };
    }

    /** The same connection with another key kept in the settings file (null to forget it). */
    public ModelConnection withStoredKey(String key) {
        return new ModelConnection(
                name, kind, gguf, baseUrl, model, apiKeyEnv, key, template, threads, contextPerSequence, chat);
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
