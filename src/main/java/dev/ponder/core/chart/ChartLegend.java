package dev.ponder.core.chart;

import dev.ponder.core.chart.PlotData.Mark;
import dev.ponder.core.chart.PlotData.Point;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** A chart's legend, below it: its series when there are several, and what a line's shaded band is when it has one. */
final class ChartLegend {
    static final String BANDS = "shaded: 95% CI";

    private ChartLegend() {}

    static void addTo(JFreeChart chart, XYPlot plot, PlotData data, int seriesStyles, Font small) {
        boolean bands = data.panels().stream()
                .flatMap(panel -> panel.series().stream())
                .filter(series -> series.mark() == Mark.LINE)
                .anyMatch(series -> series.points().stream().anyMatch(Point::hasInterval));
        if (seriesStyles <= 1 && !bands) {
            return;
        }
        LegendTitle legend = new LegendTitle(() -> {
            LegendItemCollection all = new LegendItemCollection();
            // panels share their series' names and styles: each once
            java.util.Set<String> seen = new java.util.HashSet<>();
            LegendItemCollection items = plot.getLegendItems();
            for (int i = 0; i < items.getItemCount(); i++) {
                LegendItem legendItem = items.get(i);
                if (seen.add(legendItem.getLabel())) {
                    all.add(legendItem);
                }
            }
            if (bands) {
                all.add(new LegendItem(
                        BANDS,
                        null,
                        null,
                        null,
                        new Rectangle2D.Double(-4, -3, 8, 6),
                        new Color(0x80, 0x80, 0x80, 0x50)));
            }
            return all;
        });
        legend.setItemFont(small);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemLabelPadding(new RectangleInsets(1, 2, 1, 6));
        chart.addLegend(legend);
    }
}
