package dev.ponder.core.chart;

import dev.ponder.core.task.TaskContext;

/** Works out a chart's {@link PlotData} from its spec: the numbers, before any drawing. */
public final class ChartBuilder {
    private ChartBuilder() {}

    /**
     * @param context reports progress where traces must be read (overthinking charts, the first time) and is
     *                asked whether to stop
     */
    public static PlotData build(ChartSpec spec, ChartInputs inputs, TaskContext context) {
        if (spec.runs().isEmpty()) {
            throw new IllegalArgumentException("choose at least one run to chart");
        }
        PlotData data = switch (spec.kind()) {
            case SCALING -> ScalingCharts.build(spec, inputs, false);
            case SCALING_TOKENS -> ScalingCharts.build(spec, inputs, true);
            case BUDGET -> BudgetChart.build(spec, inputs);
            case VOTES -> VoteCharts.problem(spec, inputs);
            case VOTE_MARGINS -> VoteCharts.margins(spec, inputs);
            case LENGTH -> LengthCharts.bins(spec, inputs);
            case LENGTH_DIFFICULTY -> LengthCharts.byDifficulty(spec, inputs);
            case LENGTH_SCATTER -> LengthCharts.strip(spec, inputs);
            case TOKENS -> LengthCharts.distribution(spec, inputs);
            case AFTER_FIRST_CORRECT -> OverthinkingCharts.afterFirstCorrect(spec, inputs, context);
            case EFFICIENCY -> OverthinkingCharts.efficiencyByLevel(spec, inputs, context);
            case MARKERS -> OverthinkingCharts.markers(spec, inputs, context);
            case ROUNDS -> RoundsChart.build(spec, inputs);
            case CALIBRATION -> CalibrationChart.build(spec, inputs);
            case FLIPS -> PairedCharts.flips(spec, inputs);
            case PAIRED_RATES -> PairedCharts.rates(spec, inputs);
            case FRONTIER -> FrontierChart.build(spec, inputs);
        };
        context.checkCancelled();
        return data;
    }
}
