/**
 * Streaming JSON for the readers: JSON Lines, arrays and keyed objects read record by record in bounded memory,
 * the head of a file, and typed field access that names the field when it is of the wrong type.
 */
package dev.ponder.core.ingest.json;
