/**
 * What an import of chosen files and folders would do before it starts: each file's format, the mapping saved for
 * files of its shape, and what its name and folder say (a budget, seed or group: a sweep in one step).
 */
package dev.ponder.core.ingest.plan;
