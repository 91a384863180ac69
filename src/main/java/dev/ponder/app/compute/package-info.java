/** The Compute window: the compute-optimal frontier of chosen runs, its winners per budget and bin, and the fits. */
package dev.ponder.app.compute;
