/**
 * The values Ponder reasons about: runs, the problems they attempt, the samples (chains of thought)
 * they produced, PRM steps, forced edits, search-tree nodes and the provenance of exported figures.
 * Plain immutable records, free of storage and UI concerns.
 */
package dev.ponder.core.model;
