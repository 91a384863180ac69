package dev.ponder.core.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a model's shape comes from: a small built-in table of common open models (their public Hugging Face
 * configs; parameters as their model cards count them, or as the Kinetics paper does for Qwen3), a {@code
 * config.json} the user picks, or a GGUF file's header.
 */
public final class ModelShapes {
    private static final String TABLE = "built-in table";

    /** The built-in table, by the names models are published under. */
    public static final List<ModelShape> BUILT_IN = List.of(
            shape("Qwen2.5-0.5B", 0.49e9, 24, 896, 14, 2, 64),
            shape("Qwen2.5-1.5B", 1.54e9, 28, 1536, 12, 2, 128),
            shape("Qwen2.5-3B", 3.09e9, 36, 2048, 16, 2, 128),
            shape("Qwen2.5-7B", 7.62e9, 28, 3584, 28, 4, 128),
            shape("Qwen2.5-14B", 14.7e9, 48, 5120, 40, 8, 128),
            shape("Qwen2.5-32B", 32.5e9, 64, 5120, 40, 8, 128),
            shape("Qwen2.5-72B", 72.7e9, 80, 8192, 64, 8, 128),
            shape("Qwen2.5-Math-1.5B", 1.54e9, 28, 1536, 12, 2, 128),
            shape("Qwen2.5-Math-7B", 7.62e9, 28, 3584, 28, 4, 128),
            shape("DeepSeek-R1-Distill-Qwen-1.5B", 1.78e9, 28, 1536, 12, 2, 128),
            shape("DeepSeek-R1-Distill-Qwen-7B", 7.62e9, 28, 3584, 28, 4, 128),
            shape("DeepSeek-R1-Distill-Qwen-14B", 14.8e9, 48, 5120, 40, 8, 128),
            shape("DeepSeek-R1-Distill-Qwen-32B", 32.8e9, 64, 5120, 40, 8, 128),
            shape("DeepSeek-R1-Distill-Llama-8B", 8.03e9, 32, 4096, 32, 8, 128),
            shape("DeepSeek-R1-Distill-Llama-70B", 70.6e9, 80, 8192, 64, 8, 128),
            shape("QwQ-32B", 32.8e9, 64, 5120, 40, 8, 128),
            shape("s1-32B", 32.8e9, 64, 5120, 40, 8, 128),
            shape("s1.1-32B", 32.8e9, 64, 5120, 40, 8, 128),
            shape("Qwen3-0.6B", 0.752e9, 28, 1024, 16, 8, 128),
            shape("Qwen3-1.7B", 2.03e9, 28, 2048, 16, 8, 128),
            shape("Qwen3-4B", 4.02e9, 36, 2560, 32, 8, 128),
            shape("Qwen3-8B", 8.19e9, 36, 4096, 32, 8, 128),
            shape("Qwen3-14B", 14.77e9, 40, 5120, 40, 8, 128),
            shape("Qwen3-32B", 32.76e9, 64, 5120, 64, 8, 128),
            shape("Llama-3.2-1B", 1.24e9, 16, 2048, 32, 8, 64),
            shape("Llama-3.2-3B", 3.21e9, 28, 3072, 24, 8, 128),
            shape("Llama-3.1-8B", 8.03e9, 32, 4096, 32, 8, 128),
            shape("Llama-3.1-70B", 70.6e9, 80, 8192, 64, 8, 128),
            shape("Llama-3.3-70B", 70.6e9, 80, 8192, 64, 8, 128),
            shape("Llama-3.1-405B", 405.9e9, 126, 16384, 128, 8, 128),
            shape("tiny-reasoner", 1_908_672, 4, 192, 6, 6, 32)); // Ponder's own, as its GGUF header says

    private ModelShapes() {}

    private static ModelShape shape(
            String name, double parameters, int layers, int hidden, int heads, int kvHeads, int headDim) {
        return new ModelShape(name, parameters, layers, hidden, heads, kvHeads, headDim, TABLE);
    }

    /**
     * The built-in shape a run's model name names ("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", "qwen2.5-7b-instruct",
     * "QwQ-32B-Preview"): the longest table name within it, ignoring case; empty when none is.
     */
    public static Optional<ModelShape> find(String model) {
        if (model == null || model.isBlank()) {
            return Optional.empty();
        }
        String wanted = model.strip().toLowerCase(Locale.ROOT);
        wanted = wanted.substring(wanted.lastIndexOf('/') + 1);
        ModelShape best = null;
        for (ModelShape shape : BUILT_IN) {
            String name = shape.name().toLowerCase(Locale.ROOT);
            if (wanted.contains(name)
                    && (best == null || name.length() > best.name().length())) {
                best = shape;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The shape of a run's model: from the run's attributes where they give its parameters ({@code parameters},
     * with {@code layers}, {@code hidden_size}, {@code heads}, {@code kv_heads}, {@code head_dim} where known, or
     * their config.json names), else its model's name in the built-in table; empty when neither knows it.
     */
    public static Optional<ModelShape> forRun(dev.ponder.core.model.Run run) {
        java.util.Map<String, String> params = run.params();
        double parameters = number(params, "parameters", "model_parameters", "n_params");
        if (parameters > 0) {
            int heads = (int) number(params, "heads", "num_attention_heads");
            int hidden = (int) number(params, "hidden_size", "d_model");
            double headDim = number(params, "head_dim");
            double kvHeads = number(params, "kv_heads", "num_key_value_heads");
            return Optional.of(new ModelShape(
                    run.model() == null || run.model().isBlank() ? "the run's model" : run.model(),
                    parameters,
                    (int) number(params, "layers", "num_hidden_layers"),
                    hidden,
                    heads,
                    kvHeads > 0 ? (int) kvHeads : heads,
                    headDim > 0 ? (int) headDim : heads > 0 ? hidden / heads : 0,
                    "the run's attributes"));
        }
        return find(run.model());
    }

    /** The first of these attributes that holds a positive finite number, else 0. */
    static double number(java.util.Map<String, String> params, String... keys) {
        for (String key : keys) {
            String value = params.get(key);
            if (value != null) {
                try {
                    double number = Double.parseDouble(value.strip());
                    if (number > 0 && Double.isFinite(number)) {
                        return number;
                    }
                } catch (NumberFormatException ignored) {
                    // an unreadable attribute counts as none
                }
            }
        }
        return 0;
    }

    /**
     * The shape a user names: a built-in model's name, a Hugging Face {@code config.json}, or a {@code .gguf} file.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is none of these
     */
    public static ModelShape named(String spec) {
        String chosen = spec == null ? "" : spec.strip();
        for (ModelShape shape : BUILT_IN) {
            if (shape.name().equalsIgnoreCase(chosen)) {
                return shape;
            }
        }
        Path file = Path.of(chosen);
        if (!chosen.isEmpty() && Files.isRegularFile(file)) {
            try {
                return chosen.toLowerCase(Locale.ROOT).endsWith(".gguf") ? GgufShape.read(file) : fromConfig(file);
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "Cannot read the model's shape from " + file.getFileName() + ": " + e.getMessage());
            }
        }
        Optional<ModelShape> found = find(chosen);
        if (found.isPresent()) {
            return found.get();
        }
        throw new IllegalArgumentException("'" + chosen + "' is neither a model of the built-in table nor a "
                + "config.json or .gguf file; name a model such as Qwen2.5-7B or pick its config.json.");
    }

    /**
     * A Hugging Face {@code config.json}: layers, width, heads and head size as written; parameters estimated from
     * them for a decoder of the Llama/Qwen kind (embeddings, attention, gated MLP, or the experts used per token).
     */
    public static ModelShape fromConfig(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("it is not JSON", e);
        }
        JsonNode config = root.has("hidden_size") || !root.has("text_config") ? root : root.get("text_config");
        int hidden = config.path("hidden_size").asInt(0);
        int layers = config.path("num_hidden_layers").asInt(0);
        int heads = config.path("num_attention_heads").asInt(0);
        if (hidden <= 0 || layers <= 0 || heads <= 0) {
            throw new IOException("it has no hidden_size, num_hidden_layers and num_attention_heads");
        }
        int kvHeads = config.path("num_key_value_heads").asInt(heads);
        int headDim = config.path("head_dim").asInt(hidden / heads);
        long vocab = config.path("vocab_size").asLong(0);
        long ff = config.path("intermediate_size").asLong(0);
        int experts = config.path("num_experts_per_tok").asInt(0);
        if (experts > 0 && config.has("moe_intermediate_size")) {
            ff = (long) experts * config.path("moe_intermediate_size").asLong(0)
                    + config.path("shared_expert_intermediate_size").asLong(0);
        }
        double attention = (double) hidden * heads * headDim * 2 + 2.0 * hidden * kvHeads * headDim;
        double perLayer = attention + 3.0 * hidden * ff + 2.0 * hidden;
        boolean tied = config.path("tie_word_embeddings")
                .asBoolean(root.path("tie_word_embeddings").asBoolean(false));
        double parameters = layers * perLayer + (tied ? 1 : 2) * (double) vocab * hidden + hidden;
        String name = file.getParent() != null && file.getParent().getFileName() != null
                ? file.getParent().getFileName().toString()
                : file.getFileName().toString();
        return new ModelShape(
                name,
                parameters,
                layers,
                hidden,
                heads,
                kvHeads,
                headDim,
                file.getFileName() + " (parameters estimated)");
    }
}
