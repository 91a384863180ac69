/**
 * Field mappings: where a record's question, gold answer, trace, verdict and scores are, for files no reader knows;
 * the paths they use, a mapping guessed from field names, and mappings remembered for files of a shape.
 */
package dev.ponder.core.ingest.mapping;
