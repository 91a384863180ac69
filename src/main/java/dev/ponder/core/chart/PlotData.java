package dev.ponder.core.chart;

import java.util.List;

/**
 * The numbers a chart plots, before any drawing: what the CSV export writes, what hovering a mark shows and what
 * clicking it opens. One or more panels share the x axis.
 *
 * @param title      the chart's title
 * @param xLabel     the x axis label
 * @param xScale     how the x axis is scaled
 * @param categories the x axis's names when {@code xScale} is {@link XScale#CATEGORY} (x = 0, 1, ...)
 * @param panels     the panels, top to bottom
 * @param notes      what a reader should know (what was left out, how many points were drawn)
 */
public record PlotData(
        String title, String xLabel, XScale xScale, List<String> categories, List<Panel> panels, List<String> notes) {

    public PlotData {
        categories = categories == null ? List.of() : List.copyOf(categories);
        panels = List.copyOf(panels);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** How many doublings the points' positive x values span (0 for none): how wide a log axis must reach. */
    public double xDoublings() {
        double[] range = positiveXRange();
        return range == null ? 0 : Math.log(range[1] / range[0]) / Math.log(2);
    }

    /** The smallest and largest positive x of the points, or {@code null} when none has one. */
    public double[] positiveXRange() {
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (Panel panel : panels) {
            for (Series series : panel.series()) {
                for (Point point : series.points()) {
                    if (point.x() > 0 && Double.isFinite(point.x())) {
                        low = Math.min(low, point.x());
                        high = Math.max(high, point.x());
                    }
                }
            }
        }
        return high > 0 ? new double[] {low, high} : null;
    }

    /** How the x axis is scaled. */
    public enum XScale {
        LINEAR,
        LOG2,
        CATEGORY
    }

    /** How a series is drawn. */
    public enum Mark {
        /** Points joined by a line, with a shaded band where the points have intervals. */
        LINE,
        /** Bars from x low to x high; series of one panel sharing x positions stand side by side. */
        BAR,
        /** Markers only. */
        POINTS,
        /** A thin reference line (e.g. perfect calibration), drawn grey and left out of the legend. */
        REFERENCE
    }

    /**
     * One panel: a y axis and its series.
     *
     * @param yLabel y axis label
     * @param yMin   the y axis's lower end, or NaN to fit the data
     * @param yMax   the y axis's upper end, or NaN to fit the data
     */
    public record Panel(String yLabel, double yMin, double yMax, List<Series> series) {
        public Panel {
            series = List.copyOf(series);
        }
    }

    /**
     * One series.
     *
     * @param name   the legend entry; series of the same name in several panels share a colour and style
     * @param mark   how it is drawn
     * @param points its points, in x order
     */
    /**
     * One named series. {@code verdict} says when every mark of it stands for right or for wrong samples (a
     * histogram of the correct ones, the right → wrong flips), so it is drawn in the colour that means that
     * everywhere in Ponder; a chart overlaying runs leaves it {@code NONE}, as colour then tells the runs apart.
     */
    public record Series(String name, Mark mark, List<Point> points, Verdict verdict) {
        /** What a series' marks stand for. */
        public enum Verdict {
            NONE,
            RIGHT,
            WRONG
        }

        public Series {
            points = List.copyOf(points);
            verdict = verdict == null ? Verdict.NONE : verdict;
        }

        public Series(String name, Mark mark, List<Point> points) {
            this(name, mark, points, Verdict.NONE);
        }

        /** Right or wrong as a verdict of 1 or 0 means, unless runs are overlaid. */
        public static Verdict meaning(int verdict, boolean overlaid) {
            return overlaid ? Verdict.NONE : verdict == 1 ? Verdict.RIGHT : Verdict.WRONG;
        }
    }

    /**
     * One point, bar or bin.
     *
     * @param x         where it sits on the x axis
     * @param xLow      a bar's left end (NaN for points)
     * @param xHigh     a bar's right end (NaN for points)
     * @param y         its value
     * @param low       the lower end of its 95% interval, or NaN
     * @param high      the upper end of its 95% interval, or NaN
     * @param n         what the value rests on (samples, problems), or -1
     * @param label     what hovering it says
     * @param selection what is behind it, or {@code null}
     */
    public record Point(
            double x,
            double xLow,
            double xHigh,
            double y,
            double low,
            double high,
            int n,
            String label,
            Selection selection) {

        public static Point at(double x, double y, double low, double high, int n, String label, Selection selection) {
            return new Point(x, Double.NaN, Double.NaN, y, low, high, n, label, selection);
        }

        public static Point bar(double xLow, double xHigh, double y, int n, String label, Selection selection) {
            return new Point((xLow + xHigh) / 2, xLow, xHigh, y, Double.NaN, Double.NaN, n, label, selection);
        }

        public boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }
}
