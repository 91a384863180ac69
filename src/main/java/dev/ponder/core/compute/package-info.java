/**
 * Compute-optimal scaling: what a run's samples cost (tokens, samples, FLOPs, Kinetics eFLOPs, money, from a model's
 * shape), difficulty bins as the papers define them, the frontier of accuracy against cost across runs with its
 * winners per budget and bin, the compute a baseline needs to match it, and the scaling-law fits (coverage,
 * saturation, s1's budget-control numbers). Formulas and sources: docs/methods.md.
 */
package dev.ponder.core.compute;
