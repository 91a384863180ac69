/** Search across every trace of the workspace, and opening a hit. */
package dev.ponder.app.search;
