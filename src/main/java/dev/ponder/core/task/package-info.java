/**
 * Background work with progress and cancellation, independent of any UI toolkit. The app runs tasks
 * through a JavaFX implementation; tests and the command line use {@link dev.ponder.core.task.DirectTaskRunner}.
 */
package dev.ponder.core.task;
