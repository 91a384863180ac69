package dev.ponder.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds out what an OpenAI-compatible server is, by what it answers where each engine has its own endpoint
 * (llama.cpp's {@code /props}, vLLM's {@code /version}, Ollama's {@code /api/version}, SGLang's
 * {@code /get_server_info}, LM Studio's {@code /api/v0/models}), and what it supports, by trying each feature once.
 */
public final class ServerProbe {
    private ServerProbe() {}

    /** Probes the server; fails only when it cannot be reached at all or refuses the key. */
    public static ServerReport probe(OpenAiCompatible server) throws ReplayException {
        List<String> models = server.listModels();
        String engine = engine(server);
        Map<String, Boolean> supports = new LinkedHashMap<>();
        boolean raw;
        boolean usage;
        try {
            usage = server.streamsUsage();
            raw = true;
        } catch (ReplayException e) {
            usage = false;
            raw = false;
        }
        supports.put(ServerReport.RAW_COMPLETIONS, raw);
        supports.put(ServerReport.USAGE_IN_STREAMS, usage);
        supports.put(ServerReport.TOKENIZE, raw && orFalse(server::hasTokenize));
        supports.put(ServerReport.THINKING_BUDGET, engine.startsWith("vLLM"));
        supports.put(ServerReport.SEEDS, !engine.startsWith("LM Studio"));
        return new ServerReport(engine, models, supports);
    }

    static String engine(OpenAiCompatible server) {
        Optional<JsonNode> props = server.peek("/props");
        if (props.isPresent()
                && (props.get().has("default_generation_settings")
                        || props.get().has("build_info"))) {
            String build = props.get().path("build_info").asText("");
            return "llama.cpp server" + (build.isEmpty() ? "" : " " + build);
        }
        Optional<JsonNode> ollama = server.peek("/api/version");
        if (ollama.isPresent() && ollama.get().has("version")) {
            return "Ollama " + ollama.get().get("version").asText();
        }
        Optional<JsonNode> version = server.peek("/version");
        if (version.isPresent() && version.get().has("version")) {
            return "vLLM " + version.get().get("version").asText();
        }
        if (server.peek("/get_server_info").isPresent()) {
            return "SGLang";
        }
        if (server.peek("/api/v0/models").isPresent()) {
            return "LM Studio";
        }
        return "an OpenAI-compatible API (engine not told)";
    }

    /** A check that may fail. */
    @FunctionalInterface
    private interface Check {
        boolean run() throws ReplayException;
    }

    private static boolean orFalse(Check check) {
        try {
            return check.run();
        } catch (ReplayException e) {
            return false;
        }
    }
}
