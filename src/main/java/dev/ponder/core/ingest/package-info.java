/**
 * Reading run files into a workspace. Each format has a {@link dev.ponder.core.ingest.RunReader} that
 * recognises its files by content and streams their records into one {@link dev.ponder.core.ingest.SampleSink};
 * the {@link dev.ponder.core.ingest.Importer} wraps a whole file in one workspace transaction, so a failed
 * or cancelled import leaves nothing behind.
 */
package dev.ponder.core.ingest;
