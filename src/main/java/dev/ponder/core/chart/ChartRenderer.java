package dev.ponder.core.chart;

import dev.ponder.core.chart.PlotData.Mark;
import dev.ponder.core.chart.PlotData.Panel;
import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws {@link PlotData} in Ponder's paper style: white background, no border, light grid, the Okabe–Ito palette
 * (colour-blind safe, in an order whose lightness differs from one series to the next so that grayscale keeps
 * them apart), and for lines a dash pattern and a marker shape per series so that curves stay distinguishable
 * without colour. A series keeps its colour and style in every panel.
 */
public final class ChartRenderer {
    /** What a line's shaded band is, said in the legend. */
    public static final String BAND_LEGEND = ChartLegend.BANDS;

    private static final Color GRID = PaperColours.GRID;
    private static final Color INK = PaperColours.INK;

    static {
        // JFreeChart draws rotated text (the y axis label) as glyph outlines by default, a workaround for old JDKs;
        // drawn as text it stays text in PDF and SVG, searchable and selectable.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartRenderer() {}

    /** The chart at paper size, fonts as the style says. */
    public static RenderedChart render(PlotData data, PaperStyle style) {
        return render(data, style, style.fontPt(), style.showTitle());
    }

    /**
     * @param fontPt    the font size to draw with (the window draws larger than paper)
     * @param showTitle whether to draw the title
     */
    public static RenderedChart render(PlotData data, PaperStyle style, double fontPt, boolean showTitle) {
        Font font = new Font(style.fontFamily(), Font.PLAIN, 1).deriveFont((float) fontPt);
        Font small = font.deriveFont((float) (fontPt * 0.9));
        Map<String, Integer> styles = new LinkedHashMap<>();
        for (Panel panel : data.panels()) {
            for (Series series : panel.series()) {
                if (series.mark() != Mark.REFERENCE) {
                    styles.putIfAbsent(series.name(), styles.size());
                }
            }
        }
        Map<XYDataset, List<Series>> index = new IdentityHashMap<>();
        ValueAxis domain = domainAxis(data, font, small);
        XYPlot plot;
        if (data.panels().size() == 1) {
            plot = panelPlot(data.panels().get(0), domain, styles, index, font, small, data);
        } else {
            CombinedDomainXYPlot combined = new CombinedDomainXYPlot(domain);
            combined.setGap(fontPt * 0.8);
            for (Panel panel : data.panels()) {
                combined.add(panelPlot(panel, null, styles, index, font, small, data), 1);
            }
            plot = combined;
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(showTitle ? data.title() : null, font.deriveFont(Font.BOLD), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(fontPt * 0.4, fontPt * 0.4, fontPt * 0.4, fontPt * 0.8));
        chart.setTextAntiAlias(true);
        chart.setAntiAlias(true);
        if (showTitle && chart.getTitle() != null) {
            TextTitle title = chart.getTitle();
            title.setPaint(INK);
        }
        ChartLegend.addTo(chart, plot, data, styles.size(), small);
        return new RenderedChart(chart, data, index);
    }

    private static ValueAxis domainAxis(PlotData data, Font font, Font small) {
        ValueAxis axis = switch (data.xScale()) {
            case LOG2 -> Log2Axis.of(data);
            case CATEGORY -> {
                // every category keeps its label (JFreeChart drops those that would overlap): long answers are cut
                // with the whole in the tooltip and the CSV, and crowded labels stand upright
                List<String> shown =
                        data.categories().stream().map(Labels::abbreviated).toList();
                SymbolAxis symbols = new SymbolAxis(data.xLabel(), shown.toArray(String[]::new));
                symbols.setGridBandsVisible(false);
                symbols.setAutoTickUnitSelection(false);
                symbols.setTickUnit(new NumberTickUnit(1));
                symbols.setVerticalTickLabels(shown.size() > 6 || shown.stream().anyMatch(label -> label.length() > 8));
                symbols.setRange(-0.6, Math.max(0.6, data.categories().size() - 0.4));
                yield symbols;
            }
            case LINEAR -> {
                NumberAxis number = new FewTicksAxis(data.xLabel());
                number.setAutoRangeIncludesZero(false);
                number.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
                yield number;
            }
        };
        dressAxis(axis, font, small);
        return axis;
    }

    private static void dressAxis(ValueAxis axis, Font font, Font small) {
        axis.setLabelFont(font);
        axis.setTickLabelFont(small);
        axis.setLabelPaint(INK);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(INK);
        axis.setTickMarkPaint(INK);
        axis.setAxisLineStroke(new BasicStroke(0.6f));
        axis.setTickMarkStroke(new BasicStroke(0.6f));
        axis.setTickMarkOutsideLength(3f);
        axis.setTickMarkInsideLength(0f);
    }

    private static XYPlot panelPlot(
            Panel panel,
            ValueAxis domain,
            Map<String, Integer> styles,
            Map<XYDataset, List<Series>> index,
            Font font,
            Font small,
            PlotData data) {
        NumberAxis range = new FewTicksAxis(panel.yLabel());
        dressAxis(range, font, small);
        range.setNumberFormatOverride(new DecimalFormat("#,##0.##"));
        XYPlot plot = new XYPlot(null, domain, range, null);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(0.5f));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(data.xScale() != PlotData.XScale.CATEGORY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        int slot = 0;
        for (Mark mark : List.of(Mark.BAR, Mark.REFERENCE, Mark.LINE, Mark.POINTS)) {
            List<Series> drawn = panel.series().stream()
                    .filter(series -> series.mark() == mark)
                    .toList();
            if (drawn.isEmpty()) {
                continue;
            }
            XYDataset dataset = dataset(mark, drawn);
            XYItemRenderer renderer = renderer(mark, drawn, styles);
            XYToolTipGenerator tips = (xy, series, item) -> index.get(xy) == null
                    ? null
                    : index.get(xy).get(series).points().get(item).label();
            renderer.setDefaultToolTipGenerator(tips);
            index.put(dataset, drawn);
            plot.setDataset(slot, dataset);
            plot.setRenderer(slot, renderer);
            slot++;
        }
        fitRange(range, panel);
        if (counts(panel)) {
            range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return plot;
    }

    /** Whether the panel's bars count things (whole numbers only), so that its ticks should be whole too. */
    private static boolean counts(Panel panel) {
        return panel.series().stream().anyMatch(series -> series.mark() == Mark.BAR)
                && panel.series().stream()
                        .flatMap(series -> series.points().stream())
                        .allMatch(point -> point.y() == Math.rint(point.y()));
    }

    /**
     * The y range: the data, its intervals and any reference line (perfect calibration, B = A: seen whole, so the
     * marks read against it) with a margin, kept within the panel's bounds where it sets them.
     */
    private static void fitRange(NumberAxis axis, Panel panel) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series series : panel.series()) {
            for (Point point : series.points()) {
                for (double value : new double[] {point.y(), point.low(), point.high()}) {
                    if (!Double.isNaN(value)) {
                        low = Math.min(low, value);
                        high = Math.max(high, value);
                    }
                }
            }
        }
        boolean bars = panel.series().stream().anyMatch(series -> series.mark() == Mark.BAR);
        if (bars || !Double.isNaN(panel.yMin()) && panel.yMin() == 0 && Double.isNaN(panel.yMax())) {
            low = Math.min(0, low);
        }
        if (low > high) {
            low = Double.isNaN(panel.yMin()) ? 0 : panel.yMin();
            high = Double.isNaN(panel.yMax()) ? 1 : panel.yMax();
        }
        double margin = Math.max((high - low) * 0.06, high == low ? 0.5 : 0);
        double from = low == 0 ? 0 : low - margin;
        double to = high + margin;
        if (!Double.isNaN(panel.yMin())) {
            from = Math.max(from, panel.yMin());
        }
        if (!Double.isNaN(panel.yMax())) {
            to = Math.min(to, panel.yMax() + (panel.yMax() - from) * 0.02);
        }
        axis.setRange(from, Math.max(to, from + 1e-9));
    }

    private static XYDataset dataset(Mark mark, List<Series> drawn) {
        switch (mark) {
            case LINE -> {
                YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
                for (int i = 0; i < drawn.size(); i++) {
                    YIntervalSeries series =
                            new YIntervalSeries(new SeriesKey(drawn.get(i).name(), i), false, true);
                    for (Point point : drawn.get(i).points()) {
                        series.add(
                                point.x(),
                                point.y(),
                                point.hasInterval() ? point.low() : point.y(),
                                point.hasInterval() ? point.high() : point.y());
                    }
                    collection.addSeries(series);
                }
                return collection;
            }
            case BAR -> {
                XYIntervalSeriesCollection collection = new XYIntervalSeriesCollection();
                for (int i = 0; i < drawn.size(); i++) {
                    XYIntervalSeries series =
                            new XYIntervalSeries(new SeriesKey(drawn.get(i).name(), i), false, true);
                    for (Point point : drawn.get(i).points()) {
                        series.add(point.x(), point.xLow(), point.xHigh(), point.y(), point.y(), point.y());
                    }
                    collection.addSeries(series);
                }
                return collection;
            }
            default -> {
                XYSeriesCollection collection = new XYSeriesCollection();
                for (int i = 0; i < drawn.size(); i++) {
                    XYSeries series = new XYSeries(new SeriesKey(drawn.get(i).name(), i), false, true);
                    for (Point point : drawn.get(i).points()) {
                        series.add(point.x(), point.y());
                    }
                    collection.addSeries(series);
                }
                return collection;
            }
        }
    }

    private static XYItemRenderer renderer(Mark mark, List<Series> drawn, Map<String, Integer> styles) {
        switch (mark) {
            case LINE -> {
                boolean bands = drawn.stream()
                        .anyMatch(series -> series.points().stream().anyMatch(Point::hasInterval));
                XYLineAndShapeRenderer renderer =
                        bands ? new DeviationRenderer(true, true) : new XYLineAndShapeRenderer(true, true);
                for (int i = 0; i < drawn.size(); i++) {
                    int style = styles.get(drawn.get(i).name());
                    Color colour = SeriesStyle.colour(drawn.get(i), style);
                    renderer.setSeriesPaint(i, colour);
                    renderer.setSeriesFillPaint(i, colour);
                    renderer.setSeriesStroke(i, SeriesStyle.stroke(style, 1.1f));
                    renderer.setSeriesShape(i, SeriesStyle.shape(style, 3.2));
                }
                renderer.setDrawSeriesLineAsPath(true);
                if (renderer instanceof DeviationRenderer deviation) {
                    deviation.setAlpha(0.18f);
                }
                return renderer;
            }
            case BAR -> {
                XYBarRenderer renderer =
                        sharedPositions(drawn) ? new ClusteredXYBarRenderer(0.0, false) : new XYBarRenderer();
                renderer.setBarPainter(new StandardXYBarPainter());
                renderer.setShadowVisible(false);
                renderer.setDrawBarOutline(true);
                renderer.setMargin(0.08);
                for (int i = 0; i < drawn.size(); i++) {
                    int style = styles.get(drawn.get(i).name());
                    renderer.setSeriesPaint(i, SeriesStyle.colour(drawn.get(i), style));
                    renderer.setSeriesOutlinePaint(
                            i, SeriesStyle.colour(drawn.get(i), style).darker());
                    renderer.setSeriesOutlineStroke(i, new BasicStroke(0.4f));
                }
                return renderer;
            }
            case REFERENCE -> {
                XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
                for (int i = 0; i < drawn.size(); i++) {
                    renderer.setSeriesPaint(i, new Color(0x999999));
                    renderer.setSeriesStroke(
                            i,
                            new BasicStroke(
                                    0.7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f));
                    renderer.setSeriesVisibleInLegend(i, false);
                }
                return renderer;
            }
            default -> {
                XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
                int points = drawn.stream()
                        .mapToInt(series -> series.points().size())
                        .sum();
                double size = points > 2000 ? 1.6 : 2.6;
                for (int i = 0; i < drawn.size(); i++) {
                    int style = styles.get(drawn.get(i).name());
                    Color colour = SeriesStyle.colour(drawn.get(i), style);
                    renderer.setSeriesPaint(
                            i,
                            points > 2000
                                    ? new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 90)
                                    : colour);
                    renderer.setSeriesShape(i, SeriesStyle.shape(style, size));
                }
                return renderer;
            }
        }
    }

    /** Whether two series have a bar at the same x (so that they stand side by side). */
    private static boolean sharedPositions(List<Series> drawn) {
        Set<Double> seen = new HashSet<>();
        for (Series series : drawn) {
            Set<Double> mine = new HashSet<>();
            for (Point point : series.points()) {
                mine.add(point.x());
            }
            for (double x : mine) {
                if (!seen.add(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A series key that stays unique when two series share a name (two runs called alike). */
    private record SeriesKey(String name, int position) implements Comparable<SeriesKey> {
        @Override
        public int compareTo(SeriesKey other) {
            return Integer.compare(position, other.position);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
