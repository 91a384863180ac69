/**
 * The Charts tab: any chart of the chosen runs, drawn from the analysis engine's numbers, with its options beside
 * it, hover values, clicks that open the problems and samples behind a mark, and export for a paper.
 */
package dev.ponder.app.charts;
