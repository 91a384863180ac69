package dev.ponder.core.tree;

import dev.ponder.core.chart.PaperColours;
import dev.ponder.core.chart.PaperStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.jfree.chart.ui.Drawable;

/**
 * A tree drawn in the charts' paper style (white, thin ink, the same palette and fonts) into any Java2D surface:
 * the PDF, SVG and PNG writers draw it like a chart. The legend below says what colour and outline mean.
 */
public final class TreeFigure implements Drawable {
    private static final Color FAINT_EDGE = new Color(0xB0B0B0);

    private final TreeScene scene;
    private final PaperStyle style;
    private final String title;

    /** @param title drawn above the tree when the style shows titles; may be {@code null} */
    public TreeFigure(TreeScene scene, PaperStyle style, String title) {
        this.scene = scene;
        this.style = style;
        this.title = title;
    }

    public String title() {
        return title;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(area);
        Font font = new Font(style.fontFamily(), Font.PLAIN, (int) Math.round(style.fontPt()));
        font = font.deriveFont((float) style.fontPt());
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        double margin = style.fontPt();
        double top = area.getY() + margin;
        if (style.showTitle() && title != null) {
            g.setColor(PaperColours.INK);
            g.drawString(title, (float) (area.getX() + margin), (float) (top + metrics.getAscent()));
            top += metrics.getHeight() + margin / 2;
        }
        double legendHeight = metrics.getHeight() * 1.6;
        Rectangle2D plot = new Rectangle2D.Double(
                area.getX() + margin, top, area.getWidth() - 2 * margin, area.getMaxY() - margin - legendHeight - top);
        drawTree(g, plot);
        drawLegend(g, new Rectangle2D.Double(plot.getX(), plot.getMaxY() + margin / 2, plot.getWidth(), legendHeight));
    }

    private void drawTree(Graphics2D g, Rectangle2D plot) {
        double unit = Math.min(plot.getWidth() / (scene.width() + 1), plot.getHeight() / (scene.height() + 1));
        // The depth axis may stretch (up to three times) to fill the page; node sizes follow the breadth unit.
        boolean topDown = scene.options().orientation() == TreeOptions.Orientation.TOP_DOWN;
        double ux = topDown ? unit : Math.min(3 * unit, plot.getWidth() / (scene.width() + 1));
        double uy = topDown ? Math.min(3 * unit, plot.getHeight() / (scene.height() + 1)) : unit;
        double left = plot.getX() + (plot.getWidth() - scene.width() * ux) / 2;
        double top = plot.getY() + (plot.getHeight() - scene.height() * uy) / 2;
        SearchTree tree = scene.tree();
        boolean faint = scene.highlighting();
        float thin = (float) Math.max(0.25, Math.min(0.6, unit / 20));
        Stroke plain = new BasicStroke(thin);
        Stroke dashed = new BasicStroke(
                thin,
                BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER,
                10f,
                new float[] {2f * thin * 2, 2f * thin * 2},
                0f);
        Stroke bold = new BasicStroke(thin * 2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        for (int pass = 0; pass < 2; pass++) {
            for (int node : scene.shown()) {
                int parent = tree.parent(node);
                if (parent < 0) {
                    continue;
                }
                Color highlight = scene.edgeHighlight(node);
                if ((pass == 1) != (highlight != null)) {
                    continue;
                }
                g.setColor(highlight != null ? highlight : faint ? FAINT_EDGE : PaperColours.INK);
                g.setStroke(highlight != null ? bold : tree.node(node).pruned() ? dashed : plain);
                g.draw(new Line2D.Double(
                        left + scene.x(parent) * ux,
                        top + scene.y(parent) * uy,
                        left + scene.x(node) * ux,
                        top + scene.y(node) * uy));
            }
        }
        for (int node : scene.shown()) {
            double r = scene.radius(node) * unit;
            double cx = left + scene.x(node) * ux;
            double cy = top + scene.y(node) * uy;
            boolean dim = tree.node(node).pruned() || faint && !scene.onHighlightedPath(node);
            Color fill = scene.fill(node);
            g.setColor(dim ? blend(fill, 0.35) : fill);
            Ellipse2D circle = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
            g.fill(circle);
            Boolean verdict = scene.verdict(node);
            g.setColor(
                    verdict == null
                            ? (dim ? FAINT_EDGE : PaperColours.INK)
                            : verdict ? PaperColours.CORRECT : PaperColours.WRONG);
            g.setStroke(new BasicStroke(verdict == null ? thin : thin * 2.4f));
            g.draw(circle);
            if (scene.hiddenBelow(node) > 0) {
                g.setColor(PaperColours.INK);
                g.setStroke(new BasicStroke(thin));
                g.draw(new Line2D.Double(cx - r * 0.6, cy, cx + r * 0.6, cy));
                g.draw(new Line2D.Double(cx, cy - r * 0.6, cx, cy + r * 0.6));
            }
        }
        if (scene.options().edgeLabels()) {
            drawEdgeLabels(g, left, top, ux, uy, unit);
        }
    }

    /** Labels sit beside their node (top-down) or above it (left to right), and only where they fit. */
    private void drawEdgeLabels(Graphics2D g, double left, double top, double ux, double uy, double unit) {
        Font small = g.getFont().deriveFont((float) (style.fontPt() * 0.75));
        g.setFont(small);
        FontMetrics metrics = g.getFontMetrics();
        SearchTree tree = scene.tree();
        boolean topDown = scene.options().orientation() == TreeOptions.Orientation.TOP_DOWN;
        g.setColor(PaperColours.INK);
        for (int node : scene.shown()) {
            String label = tree.parent(node) < 0 ? "" : scene.edgeLabel(node);
            double r = scene.radius(node) * unit;
            double room = topDown ? unit - 2 * r - 2 : TreeScene.LEVEL_GAP_LEFT_RIGHT * ux * 0.8;
            int width = metrics.stringWidth(label);
            boolean tooTall = !topDown && metrics.getHeight() > unit - 2 * r;
            if (label.isEmpty() || width > room || tooTall) {
                continue;
            }
            double cx = left + scene.x(node) * ux;
            double cy = top + scene.y(node) * uy;
            if (topDown) {
                g.drawString(label, (float) (cx + r + 1.5), (float) (cy + metrics.getAscent() / 2.0 - 0.5));
            } else {
                g.drawString(label, (float) (cx - width / 2.0), (float) (cy - r - 1.5));
            }
        }
    }

    private void drawLegend(Graphics2D g, Rectangle2D area) {
        g.setFont(new Font(style.fontFamily(), Font.PLAIN, 1).deriveFont((float) style.fontPt()));
        FontMetrics metrics = g.getFontMetrics();
        float baseline = (float) (area.getY() + area.getHeight() / 2 + metrics.getAscent() / 2.0 - 1);
        double x = area.getX();
        g.setColor(PaperColours.INK);
        if (scene.options().colourBy() == TreeOptions.ColourBy.VALUE) {
            double[] range = scene.valueRange();
            if (range != null) {
                String name = scene.tree().valueName() + (scene.logScale() ? " (log scale) " : " ");
                g.drawString(name + TreeScene.number(range[0]), (float) x, baseline);
                x += metrics.stringWidth(name + TreeScene.number(range[0])) + 3;
                double barWidth = Math.min(60, area.getWidth() / 5);
                double barHeight = metrics.getAscent() * 0.8;
                for (int i = 0; i < barWidth; i++) {
                    g.setColor(PaperColours.sequential(i / Math.max(1, barWidth - 1)));
                    g.fill(new Rectangle2D.Double(x + i, baseline - barHeight, 1.2, barHeight));
                }
                x += barWidth + 3;
                g.setColor(PaperColours.INK);
                g.drawString(TreeScene.number(range[1]), (float) x, baseline);
                x += metrics.stringWidth(TreeScene.number(range[1])) + metrics.getHeight();
            }
        } else {
            for (Map.Entry<String, Color> answer : scene.answerLegend().entrySet()) {
                x = swatch(g, x, baseline, metrics, answer.getValue(), null, shorten(answer.getKey()));
            }
        }
        x = swatch(g, x, baseline, metrics, Color.WHITE, PaperColours.CORRECT, "right");
        swatch(g, x, baseline, metrics, Color.WHITE, PaperColours.WRONG, "wrong");
    }

    private static double swatch(
            Graphics2D g, double x, float baseline, FontMetrics metrics, Color fill, Color ring, String label) {
        double r = metrics.getAscent() * 0.4;
        Ellipse2D circle = new Ellipse2D.Double(x, baseline - metrics.getAscent() / 2.0 - r + 1, 2 * r, 2 * r);
        g.setColor(fill);
        g.fill(circle);
        g.setColor(ring == null ? PaperColours.INK : ring);
        g.setStroke(new BasicStroke(ring == null ? 0.4f : 1.2f));
        g.draw(circle);
        g.setColor(PaperColours.INK);
        g.drawString(label, (float) (x + 2 * r + 2), baseline);
        return x + 2 * r + 2 + metrics.stringWidth(label) + metrics.getHeight() * 0.8;
    }

    private static String shorten(String answer) {
        return answer.length() > 14 ? answer.substring(0, 13) + "…" : answer;
    }

    private static Color blend(Color colour, double strength) {
        return new Color(
                (int) Math.round(255 - (255 - colour.getRed()) * strength),
                (int) Math.round(255 - (255 - colour.getGreen()) * strength),
                (int) Math.round(255 - (255 - colour.getBlue()) * strength));
    }
}
