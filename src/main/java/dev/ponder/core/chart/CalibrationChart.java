package dev.ponder.core.chart;

import dev.ponder.core.analysis.Calibration;
import dev.ponder.core.analysis.RunColumns;
import dev.ponder.core.chart.PlotData.Mark;
import dev.ponder.core.chart.PlotData.Panel;
import dev.ponder.core.chart.PlotData.Point;
import dev.ponder.core.chart.PlotData.Series;
import dev.ponder.core.chart.PlotData.XScale;
import dev.ponder.core.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reliability diagram of the final-step reward score against correctness ({@link Calibration}): per score bin
 * the share correct with its exact interval at the bin's mean score, the diagonal of perfect calibration, and
 * each run's expected calibration error in its legend entry.
 */
final class CalibrationChart {
    private CalibrationChart() {}

    static PlotData build(ChartSpec spec, ChartInputs inputs) {
        List<Series> series = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (long runId : spec.runs()) {
            Run run = inputs.run(runId);
            RunColumns columns = inputs.columns(runId, spec.grader());
            if (!columns.hasScores()) {
                notes.add(run.name() + " has no reward scores");
                continue;
            }
            Calibration calibration = Calibration.of(columns, spec.bins());
            int[] binOf = calibration.binOfSamples(columns);
            List<Point> points = new ArrayList<>();
            for (Calibration.Bin bin : calibration.bins()) {
                String range = String.format(Locale.ROOT, "score %.2f–%.2f", bin.low(), bin.high());
                points.add(Point.at(
                        bin.meanScore(),
                        bin.accuracy().mean(),
                        bin.accuracy().low(),
                        bin.accuracy().high(),
                        bin.samples(),
                        String.format(
                                Locale.ROOT,
                                "%s, %s: mean score %.3f, %s correct, %s",
                                run.name(),
                                range,
                                bin.meanScore(),
                                Labels.percent(
                                        bin.accuracy().mean(),
                                        bin.accuracy().low(),
                                        bin.accuracy().high()),
                                Labels.count(bin.samples(), "sample")),
                        Selections.ofSamples(runId, "samples with " + range, columns, s -> binOf[s] == bin.index())));
            }
            series.add(new Series(
                    String.format(Locale.ROOT, "%s (ECE %.3f)", run.name(), calibration.expectedCalibrationError()),
                    Mark.LINE,
                    points));
        }
        series.add(new Series(
                "perfect calibration",
                Mark.REFERENCE,
                List.of(
                        Point.at(0, 0, Double.NaN, Double.NaN, -1, "perfect calibration", null),
                        Point.at(1, 1, Double.NaN, Double.NaN, -1, "perfect calibration", null))));
        return new PlotData(
                "PRM calibration",
                "final-step reward score (bin mean)",
                XScale.LINEAR,
                List.of(),
                List.of(new Panel("share correct", 0, 1, series)),
                notes);
    }
}
