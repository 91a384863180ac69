package dev.ponder.core.compute;

import java.util.Locale;

/**
 * How a sample's cost is counted.
 *
 * @param axis         what the cost is counted in
 * @param shape        the model's shape for FLOPs and eFLOPs, or {@code null} to look each run's model up in the
 *                     built-in table
 * @param intensity    the accelerator's arithmetic intensity I (FLOP per byte) turning Kinetics' memory traffic into
 *                     eFLOPs: 562.5 for B200 as in the paper, about 295 for H100
 * @param priceIn      US dollars per million prompt tokens
 * @param priceOut     US dollars per million generated tokens
 * @param promptTokens tokens of every prompt, or {@code null} to count each problem's question (cl100k estimate)
 */
public record CostSettings(
        CostAxis axis, ModelShape shape, double intensity, double priceIn, double priceOut, Integer promptTokens) {
    /** Kinetics' arithmetic intensity for B200. */
    public static final double B200_INTENSITY = 562.5;

    public static final CostSettings DEFAULT = new CostSettings(CostAxis.TOKENS, null, B200_INTENSITY, 0, 0, null);

    public CostSettings {
        axis = axis == null ? CostAxis.TOKENS : axis;
        if (!(intensity > 0) || priceIn < 0 || priceOut < 0 || promptTokens != null && promptTokens < 0) {
            throw new IllegalArgumentException(
                    "the arithmetic intensity must be positive, prices and prompt tokens not negative");
        }
    }

    public CostSettings withAxis(CostAxis newAxis) {
        return new CostSettings(newAxis, shape, intensity, priceIn, priceOut, promptTokens);
    }

    public CostSettings withShape(ModelShape newShape) {
        return new CostSettings(axis, newShape, intensity, priceIn, priceOut, promptTokens);
    }

    /** The numbers this cost rests on, for the axis note and provenance. */
    public String describe(ModelShape used) {
        return switch (axis) {
            case FLOPS ->
                used != null && used.hasWidth()
                        ? "FLOPs = Σ over prompt and generated tokens of 2·(P + 2·L·d·context) (Large Language Monkeys), "
                                + used.describe()
                        : "FLOPs ≈ 2·P·tokens (the model's layers and width unknown), "
                                + (used == null ? "no model shape" : used.describe());
            case EFLOPS ->
                String.format(
                        Locale.ROOT,
                        "Kinetics eFLOPs = compute + I·memory with I = %s, %s",
                        trim(intensity),
                        used == null ? "no model shape" : used.describe());
            case USD ->
                String.format(
                        Locale.ROOT,
                        "US$ %s per million prompt tokens, US$ %s per million generated tokens",
                        trim(priceIn),
                        trim(priceOut));
            default -> axis.label();
        };
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
