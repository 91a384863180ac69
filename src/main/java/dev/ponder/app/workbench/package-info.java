/** The centre of the window: the run overview and the problems workbench, kept in step, with the Go menu and keyboard navigation. */
package dev.ponder.app.workbench;
