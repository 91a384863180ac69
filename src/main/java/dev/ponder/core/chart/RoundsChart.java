package dev.ponder.core.chart;

import dev.ponder.core.analysis.MultiRound;
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
 * Multi-round thinking: {@link MultiRound}'s accuracy per round with its interval (top), and the samples whose
 * verdict changed since the round before, wrong → right and right → wrong (bottom).
 */
final class RoundsChart {
    private RoundsChart() {}

    static PlotData build(ChartSpec spec, ChartInputs inputs) {
        List<Series> accuracy = new ArrayList<>();
        List<Series> flows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int most = 0;
        boolean overlaid = spec.runs().size() > 1;
        for (long runId : spec.runs()) {
            Run run = inputs.run(runId);
            MultiRound rounds = inputs.rounds(runId, spec.grader(), spec.resamples(), spec.seed());
            if (!rounds.isMultiRound()) {
                notes.add(run.name() + " has one round");
                continue;
            }
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < rounds.rounds().size(); i++) {
                MultiRound.Round round = rounds.rounds().get(i);
                points.add(Point.at(
                        i,
                        round.accuracy().mean(),
                        round.accuracy().low(),
                        round.accuracy().high(),
                        round.graded(),
                        String.format(
                                Locale.ROOT,
                                "%s, round %d: %s, %s over %s",
                                run.name(),
                                i + 1,
                                Labels.percent(
                                        round.accuracy().mean(),
                                        round.accuracy().low(),
                                        round.accuracy().high()),
                                Labels.count(round.graded(), "graded sample"),
                                Labels.count(round.problems(), "problem")),
                        null));
            }
            most = Math.max(most, rounds.rounds().size());
            accuracy.add(new Series(run.name(), Mark.LINE, points));
            List<Point> toRight = new ArrayList<>();
            List<Point> toWrong = new ArrayList<>();
            for (int i = 0; i < rounds.flows().size(); i++) {
                MultiRound.Flow flow = rounds.flows().get(i);
                int x = i + 1;
                String between = String.format(Locale.ROOT, "round %d → %d", x, x + 1);
                toRight.add(Point.bar(
                        x - 0.4,
                        x + 0.4,
                        flow.wrongToRight(),
                        flow.wrongToRight(),
                        String.format(
                                Locale.ROOT,
                                "%s, %s: %s wrong → right (%,d stayed right, %,d stayed wrong)",
                                run.name(),
                                between,
                                Labels.count(flow.wrongToRight(), "sample"),
                                flow.stayedRight(),
                                flow.stayedWrong()),
                        samples(inputs, runId, "wrong → right, " + between, flow.wrongToRightSamples())));
                toWrong.add(Point.bar(
                        x - 0.4,
                        x + 0.4,
                        flow.rightToWrong(),
                        flow.rightToWrong(),
                        String.format(
                                Locale.ROOT,
                                "%s, %s: %s right → wrong",
                                run.name(),
                                between,
                                Labels.count(flow.rightToWrong(), "sample")),
                        samples(inputs, runId, "right → wrong, " + between, flow.rightToWrongSamples())));
            }
            flows.add(new Series(
                    Labels.series(run.name(), "wrong → right", overlaid),
                    Mark.BAR,
                    toRight,
                    Series.meaning(1, overlaid)));
            flows.add(new Series(
                    Labels.series(run.name(), "right → wrong", overlaid),
                    Mark.BAR,
                    toWrong,
                    Series.meaning(0, overlaid)));
        }
        List<String> categories = new ArrayList<>();
        for (int r = 1; r <= most; r++) {
            categories.add("round " + r);
        }
        return new PlotData(
                "Multi-round thinking",
                "thinking round",
                XScale.CATEGORY,
                categories,
                List.of(new Panel("accuracy", 0, 1, accuracy), new Panel("samples changed", 0, Double.NaN, flows)),
                notes);
    }

    private static Selection samples(ChartInputs inputs, long runId, String description, long[] sampleIds) {
        return new Selection(runId, description, () -> inputs.problemsOfSamples(sampleIds), () -> sampleIds);
    }
}
