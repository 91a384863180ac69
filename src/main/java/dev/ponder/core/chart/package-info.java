/**
 * JFreeChart builders drawing with Java2D, so that the same figure renders in the window and headless from the command line.
 */
package dev.ponder.core.chart;
