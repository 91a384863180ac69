package dev.ponder.app.charts;

import dev.ponder.core.chart.PaperColours;
import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * Re-inks a chart drawn in the paper style for the dark theme on screen: dark background, light text, axes and
 * grid, and the palette's black series in light grey. Only the chart in the window is changed; exports draw the
 * chart again from its spec, in the paper style.
 */
final class ScreenChartStyle {
    static final Color BACKGROUND = new Color(0x1F2227);
    private static final Color INK = new Color(0xDCE1E7);
    private static final Color GRID = new Color(0x3B4048);
    private static final Color BLACK_SERIES = new Color(0xC8CDD3);

    private ScreenChartStyle() {}

    static void darken(JFreeChart chart) {
        chart.setBackgroundPaint(BACKGROUND);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(INK);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            darken(chart.getSubtitle(i));
        }
        darken(chart.getPlot());
    }

    private static void darken(Title title) {
        if (title instanceof LegendTitle legend) {
            legend.setBackgroundPaint(BACKGROUND);
            legend.setItemPaint(INK);
        } else if (title instanceof TextTitle text) {
            text.setPaint(INK);
            text.setBackgroundPaint(null);
        }
    }

    private static void darken(Plot plot) {
        plot.setBackgroundPaint(BACKGROUND);
        if (plot instanceof CombinedDomainXYPlot combined) {
            darken(combined.getDomainAxis());
            combined.getSubplots().forEach(ScreenChartStyle::darken);
        } else if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                darken(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                darken(xy.getRangeAxis(i));
            }
            for (int i = 0; i < xy.getRendererCount(); i++) {
                darken(
                        xy.getRenderer(i),
                        xy.getDataset(i) == null ? 0 : xy.getDataset(i).getSeriesCount());
            }
        }
    }

    private static void darken(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(INK);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(INK);
        axis.setTickMarkPaint(INK);
    }

    private static void darken(XYItemRenderer renderer, int series) {
        if (renderer == null) {
            return;
        }
        for (int i = 0; i < series; i++) {
            Paint paint = renderer.getSeriesPaint(i);
            if (paint instanceof Color colour && isPaperInk(colour)) {
                renderer.setSeriesPaint(i, BLACK_SERIES);
            }
        }
    }

    /** Black and the paper's near-black ink vanish on a dark background. */
    private static boolean isPaperInk(Color colour) {
        return colour.getRGB() == Color.BLACK.getRGB() || colour.getRGB() == PaperColours.INK.getRGB();
    }
}
