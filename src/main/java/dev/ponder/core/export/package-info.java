/**
 * Writing runs, figures and data out: Ponder's own lossless run format, and (with the charts) PNG, SVG, PDF
 * and CSV writers and the provenance spec that regenerates a figure.
 */
package dev.ponder.core.export;
