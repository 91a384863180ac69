package dev.ponder.core.ingest.read;

import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.ReadContext;
import dev.ponder.core.ingest.record.SampleSink;
import java.io.IOException;
import java.io.InputStream;

/** Reads one file format. Implementations are stateless; one instance may read many files. */
public interface RunReader {

    /** The format's name as used by {@code ponder import --format} and stored with each run. */
    String format();

    /** A short description for users, e.g. "Ponder run (JSONL)". */
    String description();

    /** Whether the file looks like this format, judged by content. */
    boolean recognises(FileHead head);

    /**
     * Streams the file's records into {@code sink}. Records of the wrong shape go to {@link SampleSink#skipped};
     * a file that cannot be read as this format at all throws {@link ImportException}.
     *
     * @param in      the file's bytes (readers that need random access use {@link ReadContext#file()})
     * @param context the file's name for messages and the enricher for drafts
     */
    void read(InputStream in, ReadContext context, SampleSink sink) throws IOException;
}
