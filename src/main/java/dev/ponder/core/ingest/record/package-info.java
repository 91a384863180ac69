/**
 * What reading a file yields, record by record: the run's header, problems, samples and tree nodes handed to a
 * {@link dev.ponder.core.ingest.record.SampleSink}, records skipped with their reason, and the enrichment every
 * sample gets on the way in (thinking split, extracted answer, verdict, token counts).
 */
package dev.ponder.core.ingest.record;
