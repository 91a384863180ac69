package dev.ponder.core.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * How the n-th series of a chart is told apart in print: an Okabe–Ito colour in an order that survives grayscale, a
 * dash pattern and a marker shape, so a figure reads in black and white too.
 */
final class SeriesStyle {
    private static final Color[] PALETTE = PaperColours.SERIES;
    private static final float[][] DASHES = {null, {4f, 2f}, {1f, 1.5f}, {5f, 1.5f, 1f, 1.5f}, {2.5f, 2.5f}, {7f, 2f}};

    private SeriesStyle() {}

    static Color colour(int style) {
        return PALETTE[style % PALETTE.length];
    }

    /** Right and wrong in the app's colours wherever a series means one of them; other series by their style. */
    static Color colour(PlotData.Series series, int style) {
        return switch (series.verdict()) {
            case RIGHT -> PaperColours.CORRECT;
            case WRONG -> PaperColours.WRONG;
            case NONE -> colour(style);
        };
    }

    static Stroke stroke(int style, float width) {
        float[] dash = DASHES[style % DASHES.length];
        return dash == null
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** Circle, square, triangle, diamond, inverted triangle, cross: one per series. */
    static Shape shape(int style, double size) {
        double s = size;
        return switch (style % 6) {
            case 0 -> new Ellipse2D.Double(-s, -s, 2 * s, 2 * s);
            case 1 -> new Rectangle2D.Double(-s * 0.9, -s * 0.9, 1.8 * s, 1.8 * s);
            case 2 -> polygon(0, -s * 1.15, s * 1.1, s * 0.8, -s * 1.1, s * 0.8);
            case 3 -> polygon(0, -s * 1.25, s * 1.1, 0, 0, s * 1.25, -s * 1.1, 0);
            case 4 -> polygon(0, s * 1.15, s * 1.1, -s * 0.8, -s * 1.1, -s * 0.8);
            default -> cross(s);
        };
    }

    private static Shape polygon(double... xy) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            path.lineTo(xy[i], xy[i + 1]);
        }
        path.closePath();
        return path;
    }

    private static Shape cross(double s) {
        double t = s * 0.35;
        return polygon(-t, -s, t, -s, t, -t, s, -t, s, t, t, t, t, s, -t, s, -t, t, -s, t, -s, -t, -t, -t);
    }
}
