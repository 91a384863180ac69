package dev.ponder.core.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;

/**
 * The log2 x axis of scaling, budget and frontier charts: a power of two a tick, or every second, third... where the
 * data span more than eight doublings; large values labelled short (16.4k, 2.15G).
 */
final class Log2Axis {
    private Log2Axis() {}

    static LogAxis of(PlotData data) {
        LogAxis log = new LogAxis(data.xLabel());
        log.setBase(2);
        log.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil(data.xDoublings() / FewTicksAxis.MOST))));
        log.setNumberFormatOverride(new CompactNumbers());
        double[] range = data.positiveXRange();
        if (range != null && range[0] == range[1]) {
            // one x: a doubling either side (JFreeChart's own margin vanishes next to 10^9 and it refuses the axis)
            log.setRange(range[0] / 2, range[0] * 2);
        }
        log.setSmallestValue(0.5);
        return log;
    }
}
