/**
 * Writing figures and data out: PNG, SVG, PDF and CSV writers and the provenance spec that regenerates a figure.
 */
package dev.ponder.core.export;
