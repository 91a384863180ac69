/**
 * Figures from compact columns, never trace text: accuracy, pass@k, maj@k, weighted and naive best-of-N, vote distributions, length vs accuracy, overthinking efficiency, bootstrap confidence intervals.
 */
package dev.ponder.core.analysis;
