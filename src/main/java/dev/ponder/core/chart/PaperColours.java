package dev.ponder.core.chart;

import java.awt.Color;

/** The colours of every figure Ponder draws for a paper: charts and trees alike. */
public final class PaperColours {
    /** Okabe & Ito (2008): blue, orange, bluish green, vermillion, reddish purple, sky blue, black, yellow. */
    public static final Color[] SERIES = {
        new Color(0x0072B2),
        new Color(0xE69F00),
        new Color(0x009E73),
        new Color(0xD55E00),
        new Color(0xCC79A7),
        new Color(0x56B4E9),
        new Color(0x000000),
        new Color(0xF0E442)
    };

    public static final Color INK = new Color(0x222222);
    public static final Color GRID = new Color(0xDDDDDD);
    /** Right and wrong, from the same palette: bluish green and vermillion stay apart for colour-blind readers. */
    public static final Color CORRECT = new Color(0x009E73);

    public static final Color WRONG = new Color(0xD55E00);
    /** Viridis at eight stops, dark (low) to yellow (high): ordered in lightness, so it survives grayscale. */
    private static final int[] VIRIDIS = {0x440154, 0x46327E, 0x365C8D, 0x277F8E, 0x1FA187, 0x4AC16D, 0xA0DA39, 0xFDE725
    };

    private PaperColours() {}

    /** The sequential colour of {@code t} in [0, 1], interpolated between viridis stops. */
    public static Color sequential(double t) {
        double clamped = Double.isNaN(t) ? 0.5 : Math.max(0, Math.min(1, t));
        double at = clamped * (VIRIDIS.length - 1);
        int low = (int) Math.floor(at);
        int high = Math.min(VIRIDIS.length - 1, low + 1);
        double f = at - low;
        return new Color(
                mix(VIRIDIS[low] >> 16, VIRIDIS[high] >> 16, f),
                mix(VIRIDIS[low] >> 8, VIRIDIS[high] >> 8, f),
                mix(VIRIDIS[low], VIRIDIS[high], f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    }
}
