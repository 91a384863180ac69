/**
 * One {@link dev.ponder.core.ingest.read.RunReader} per format, each recognising its files by content and streaming
 * their records into a sink; {@link dev.ponder.core.ingest.read.RunFormats} tries them in order. docs/formats.md lists
 * what each reads; docs/architecture.md says how to add one.
 */
package dev.ponder.core.ingest.read;
