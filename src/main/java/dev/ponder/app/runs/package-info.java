/** The run browser: the workspace's runs with their format, model and counts, and the selected run. */
package dev.ponder.app.runs;
