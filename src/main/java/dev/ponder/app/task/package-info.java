/**
 * The JavaFX task runner: runs background work on worker threads and delivers progress and outcomes on
 * the JavaFX application thread. The only place in the app that hands work to that thread.
 */
package dev.ponder.app.task;
