/** The Replay tab: a strategy run against a model on the chosen problems, streamed live, with progress and Cancel. */
package dev.ponder.app.replay;
