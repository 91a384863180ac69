package dev.ponder.core.compute;

import java.util.Locale;

/**
 * The numbers of a model that its inference cost rests on. A number not known is 0.
 *
 * @param name       what the model is called
 * @param parameters parameters used per token (the active ones of a mixture of experts), embeddings included
 * @param layers     transformer layers
 * @param hiddenSize the model width d_model
 * @param queryHeads attention (query) heads
 * @param kvHeads    key-value heads
 * @param headDim    the dimension of one head
 * @param source     where the numbers come from: "built-in table", a config.json or GGUF file, "entered"
 */
public record ModelShape(
        String name,
        double parameters,
        int layers,
        int hiddenSize,
        int queryHeads,
        int kvHeads,
        int headDim,
        String source) {

    public ModelShape {
        if (parameters < 0 || layers < 0 || hiddenSize < 0 || queryHeads < 0 || kvHeads < 0 || headDim < 0) {
            throw new IllegalArgumentException("a model's numbers cannot be negative");
        }
        name = name == null || name.isBlank() ? "model" : name.strip();
        source = source == null ? "entered" : source;
    }

    /** Whether the attention shape the Kinetics cost model needs is known. */
    public boolean hasAttention() {
        return parameters > 0 && layers > 0 && queryHeads > 0 && kvHeads > 0 && headDim > 0;
    }

    /** Whether the layers and width the FLOPs of Large Language Monkeys need are known. */
    public boolean hasWidth() {
        return parameters > 0 && layers > 0 && hiddenSize > 0;
    }

    /** "Qwen2.5-7B (7.62B parameters, 28 layers, d 3584, 28/4 heads of 128; built-in table)". */
    public String describe() {
        StringBuilder text = new StringBuilder(name).append(" (");
        text.append(parameters > 0 ? String.format(Locale.ROOT, "%.3gB parameters", parameters / 1e9) : "parameters ?");
        if (layers > 0) {
            text.append(", ").append(layers).append(" layers");
        }
        if (hiddenSize > 0) {
            text.append(", d ").append(hiddenSize);
        }
        if (queryHeads > 0) {
            text.append(", ")
                    .append(queryHeads)
                    .append('/')
                    .append(kvHeads)
                    .append(" heads of ")
                    .append(headDim);
        }
        return text.append("; ").append(source).append(')').toString();
    }
}
