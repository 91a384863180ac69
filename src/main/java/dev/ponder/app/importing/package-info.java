/**
 * Importing run files from the window: the import dialog (which files, read how, with which run attributes),
 * the field-mapping dialog for files no reader knows, and the background import with its summary.
 */
package dev.ponder.app.importing;
