/** The problems table of a run: rows with each problem's figures, the filter bar and saved filters. */
package dev.ponder.app.problems;
