/**
 * The workspace: one SQLite file (WAL) holding runs, problems shared across runs, samples with their
 * steps and forced segments, search-tree nodes, tags and a full-text index over all traces. Schema
 * versions live in {@code PRAGMA user_version} and move forward only; one writer at a time.
 */
package dev.ponder.core.store;
