package dev.ponder.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompactNumbersTest {
    @Test
    void smallNumbersAsTheyAreLargeOnesWithAPrefix() {
        CompactNumbers format = new CompactNumbers();
        assertThat(format.format(1024)).isEqualTo("1,024");
        assertThat(format.format(9999)).isEqualTo("9,999");
        assertThat(format.format(10_000)).isEqualTo("10k");
        assertThat(format.format(16_384)).isEqualTo("16.4k");
        assertThat(format.format(1_000_000)).isEqualTo("1M");
        assertThat(format.format(2_147_483_648.0)).isEqualTo("2.15G");
        assertThat(format.format(6.87e13)).isEqualTo("68.7T");
    }

    /** A single run at a single cost in eFLOPs: one x near 10⁹, where JFreeChart's own margin vanishes. */
    @Test
    void aLogAxisWithOneLargeValueIsDrawn() {
        PlotData data = new PlotData(
                "one point",
                "Kinetics eFLOPs per problem",
                PlotData.XScale.LOG2,
                java.util.List.of(),
                java.util.List.of(new PlotData.Panel(
                        "accuracy",
                        0,
                        1,
                        java.util.List.of(new PlotData.Series(
                                "run",
                                PlotData.Mark.LINE,
                                java.util.List.of(
                                        PlotData.Point.at(5.8488e9, 0.49, Double.NaN, Double.NaN, 100, "", null)))))),
                java.util.List.of());
        org.jfree.chart.axis.ValueAxis axis = ((org.jfree.chart.plot.XYPlot)
                        ChartRenderer.render(data, PaperStyle.SINGLE_COLUMN)
                                .chart()
                                .getPlot())
                .getDomainAxis();
        assertThat(axis.getRange().contains(5.8488e9)).isTrue();
        assertThat(axis.getRange().getLength()).isPositive();
    }
}
