/** The status bar: the background task under way with its progress and Cancel, or the last thing that happened. */
package dev.ponder.app.status;
