/** The run overview in the centre of the window: where the selected run came from and what it holds. */
package dev.ponder.app.overview;
