package dev.ponder.core.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an OpenAI-compatible server is and what it offers a replay: the engine and its version where it says, the
 * models it serves, and which of the features the strategies use it supports.
 *
 * @param engine   "vLLM 0.9.2", "llama.cpp server", "Ollama 0.6.5", "SGLang", "LM Studio", or "an OpenAI-compatible
 *                 API (engine not told)"
 * @param supports each feature in words, with whether the server has it
 */
public record ServerReport(String engine, List<String> models, Map<String, Boolean> supports) {
    public static final String RAW_COMPLETIONS = "raw completions (/v1/completions)";
    public static final String USAGE_IN_STREAMS = "token usage in streams";
    public static final String TOKENIZE = "/tokenize";
    public static final String THINKING_BUDGET = "its own thinking budget (thinking_token_budget)";
    public static final String SEEDS = "seeded sampling";

    public ServerReport {
        models = List.copyOf(models);
        supports = new LinkedHashMap<>(supports);
    }

    /** The report as a few lines for a terminal or a dialog. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Engine: " + engine);
        lines.add("Models: " + (models.isEmpty() ? "none listed" : String.join(", ", models)));
        supports.forEach((feature, has) -> lines.add((has ? "  yes  " : "  no   ") + feature));
        lines.add("Budget forcing counts tokens with "
                + (supports.getOrDefault(TOKENIZE, false)
                        ? "the server's /tokenize"
                        : supports.getOrDefault(USAGE_IN_STREAMS, false)
                                ? "the server's token usage"
                                : "nothing exact: use the server's own thinking budget")
                + (supports.getOrDefault(RAW_COMPLETIONS, false)
                        ? ""
                        : "; without raw completions, replay through " + "chat completions (--chat)")
                + ".");
        return String.join("\n", lines);
    }
}
