/**
 * Reading run files into a workspace. The {@link dev.ponder.core.ingest.Importer} wraps a whole file in one workspace
 * transaction (a failed or cancelled import leaves nothing behind), reading it on one thread and writing on another
 * ({@link dev.ponder.core.ingest.PipelinedRead}) through the {@link dev.ponder.core.ingest.WorkspaceSink}. Below it,
 * in layers that never depend upward: {@code plan} (what a chosen file or folder would import as), {@code read} (one
 * reader per format), {@code json} (streaming JSON helpers), {@code record} (what readers hand over, and how a record
 * is enriched) and {@code mapping} (field mappings for files no reader knows).
 */
package dev.ponder.core.ingest;
