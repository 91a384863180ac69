package dev.ponder.core.compute;

import dev.ponder.core.analysis.RunColumns;

/**
 * What one problem's samples cost on the chosen axis when k of them are drawn: k times the mean cost of one of its
 * samples, except Kinetics eFLOPs, whose memory term shares the prompt's KV cache across the k samples, so each
 * sample's cost at k is averaged, as Kinetics' {@code expected_cost} averages over the real generation lengths.
 */
public final class CostModel {
    private final CostSettings settings;
    private final ModelShape shape;

    private CostModel(CostSettings settings, ModelShape shape) {
        this.settings = settings;
        this.shape = shape;
    }

    /**
     * The cost model of these settings for a run of this model.
     *
     * @throws IllegalArgumentException with a sentence for the user when the axis needs a shape it lacks
     */
    public static CostModel of(CostSettings settings, ModelShape shape) {
        if (settings.axis() == CostAxis.FLOPS && (shape == null || shape.parameters() <= 0)) {
            throw new IllegalArgumentException(
                    "FLOPs need the model's parameters: choose its shape (a built-in model, its config.json or GGUF).");
        }
        if (settings.axis() == CostAxis.EFLOPS && (shape == null || !shape.hasAttention())) {
            throw new IllegalArgumentException("Kinetics eFLOPs need the model's parameters, layers, heads and head "
                    + "size: choose its shape (a built-in model, its config.json or GGUF).");
        }
        return new CostModel(settings, shape);
    }

    /**
     * The cost model of a run: the settings' shape, else the run's (its attributes, else the built-in table); the
     * settings' prices, else the run's {@code price_in} and {@code price_out} attributes (dollars per million tokens)
     * where it gives them.
     *
     * @throws IllegalArgumentException with a sentence for the user when the axis needs a shape the run lacks
     */
    public static CostModel forRun(CostSettings settings, dev.ponder.core.model.Run run) {
        ModelShape shape = settings.shape() != null
                ? settings.shape()
                : ModelShapes.forRun(run).orElse(null);
        CostSettings priced = settings;
        if (settings.priceIn() == 0 && settings.priceOut() == 0) {
            double in = ModelShapes.number(run.params(), "price_in");
            double out = ModelShapes.number(run.params(), "price_out");
            if (in > 0 || out > 0) {
                priced = new CostSettings(
                        settings.axis(), settings.shape(), settings.intensity(), in, out, settings.promptTokens());
            }
        }
        return of(priced, shape);
    }

    /** What this cost rests on: the formula and the model's numbers or the prices used. */
    public String restsOn() {
        return settings.describe(shape);
    }

    public CostSettings settings() {
        return settings;
    }

    /** The shape the cost rests on, or {@code null} where the axis needs none. */
    public ModelShape shape() {
        return shape;
    }

    /**
     * The problem's cost at k samples (NaN when none of its samples has what the axis counts).
     *
     * @param prompt the problem's prompt tokens
     */
    public double problemCost(RunColumns run, int problem, int prompt, int k) {
        if (settings.axis() == CostAxis.SAMPLES) {
            return k;
        }
        double sum = 0;
        int counted = 0;
        int first = run.first(problem);
        for (int s = first; s < first + run.size(problem); s++) {
            double cost = sampleCost(prompt, run.totalTokens(s), run.thinkingTokens(s), k);
            if (!Double.isNaN(cost)) {
                sum += cost;
                counted++;
            }
        }
        if (counted == 0) {
            return Double.NaN;
        }
        double mean = sum / counted;
        return settings.axis() == CostAxis.EFLOPS ? mean : k * mean;
    }

    /**
     * The mean over the run's problems with k samples of {@link #problemCost}: what k samples of a problem cost.
     *
     * @param prompts each problem's prompt tokens by problem id, unless the settings fix them (missing: 0)
     */
    public double meanCost(RunColumns run, java.util.Map<Long, Integer> prompts, int k) {
        double sum = 0;
        int counted = 0;
        for (int p = 0; p < run.problems(); p++) {
            if (run.size(p) < k) {
                continue;
            }
            int prompt = settings.promptTokens() != null
                    ? settings.promptTokens()
                    : prompts.getOrDefault(run.problemId(p), 0);
            double cost = problemCost(run, p, prompt, k);
            if (!Double.isNaN(cost)) {
                sum += cost;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /**
     * One sample's cost; for eFLOPs its cost when n samples of the problem are drawn (its compute n times, the
     * memory traffic of n such samples sharing the prompt), else the cost of the sample alone. NaN when not counted.
     */
    double sampleCost(int prompt, int total, int thinking, int n) {
        int generated = total >= 0 ? total : thinking;
        return switch (settings.axis()) {
            case SAMPLES -> 1;
            case TOKENS -> generated < 0 ? Double.NaN : generated;
            case THINKING -> thinking >= 0 ? thinking : generated < 0 ? Double.NaN : generated;
            case ANSWER -> total >= 0 && thinking >= 0 ? total - thinking : Double.NaN;
            case USD ->
                generated < 0 ? Double.NaN : (prompt * settings.priceIn() + generated * settings.priceOut()) / 1e6;
            case FLOPS -> generated < 0 ? Double.NaN : flops(prompt, generated);
            case EFLOPS -> generated < 0 ? Double.NaN : eflops(prompt, generated, n);
        };
    }

    /**
     * Large Language Monkeys' count: every prompt and generated token costs 2·(P + 2·L·d·context), context being the
     * tokens before it, so a sequence of T tokens costs 2·P·T + 2·L·d·T·(T − 1); with only P known, 2·P·T.
     */
    double flops(int prompt, int generated) {
        double tokens = (double) prompt + generated;
        double weights = 2 * shape.parameters() * tokens;
        return shape.hasWidth() ? weights + 2.0 * shape.layers() * shape.hiddenSize() * tokens * (tokens - 1) : weights;
    }

    /**
     * Kinetics' dense cost of n samples with this one's generation length g and prompt length L_in:
     * compute = n·[2·P·g + 2·(2·L_in + g)·g·H_q·d·L], memory = 2·(2·L_in + n·g)·g·H_kv·d·L, eFLOPs = compute +
     * I·memory (Sadhukhan et al. 2025, cost_model/utils.py dense_cost).
     */
    double eflops(int prompt, int generated, int n) {
        double g = generated;
        double headDimTimesLayers = (double) shape.headDim() * shape.layers();
        double compute =
                n * (2 * shape.parameters() * g + 2 * (2.0 * prompt + g) * g * shape.queryHeads() * headDimTimesLayers);
        double memory = 2 * (2.0 * prompt + n * g) * g * shape.kvHeads() * headDimTimesLayers;
        return compute + settings.intensity() * memory;
    }
}
