package dev.ponder.core.chart;

/** The choices beside a chart that only some charts use; {@link ChartKind#uses} says which. */
public enum ChartOption {
    /** Which scaling curves: pass@k, maj@k, best-of-N. */
    CURVES,
    /** The largest k of the scaling curves. */
    K_MAX,
    /** The budget curve's x axis: the thinking budget or the tokens spent. */
    BUDGET_AXIS,
    /** What an equal-compute chart's x axis counts: tokens, samples, FLOPs, Kinetics eFLOPs or money. */
    COST_AXIS,
    /** The problem whose votes are shown. */
    PROBLEM,
    /** Vote bars by summed reward instead of votes. */
    WEIGHTED,
    /** How many bins a binned chart has. */
    BINS,
    /** Only one difficulty level. */
    LEVEL
}
