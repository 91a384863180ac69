package dev.ponder.core.chart;

import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;

/**
 * A drawn chart with the way back from its marks to the plotted numbers: the dataset, series and item a mouse
 * is over give the {@link Point} (its label, its selection).
 */
public record RenderedChart(JFreeChart chart, PlotData data, Map<XYDataset, List<Series>> index) {

    public Optional<Point> pointAt(XYDataset dataset, int series, int item) {
        List<Series> drawn = index.get(dataset);
        if (drawn == null || series < 0 || series >= drawn.size()) {
            return Optional.empty();
        }
        List<Point> points = drawn.get(series).points();
        return item >= 0 && item < points.size() ? Optional.of(points.get(item)) : Optional.empty();
    }
}
