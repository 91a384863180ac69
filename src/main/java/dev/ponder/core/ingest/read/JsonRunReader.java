package dev.ponder.core.ingest.read;

import dev.ponder.core.ingest.json.JsonHead;
import dev.ponder.core.ingest.record.FileHead;

/** A reader for a JSON format, recognised by the field names its first record has. */
abstract class JsonRunReader implements RunReader {

    @Override
    public final boolean recognises(FileHead head) {
        return recognises(JsonHead.of(head));
    }

    protected abstract boolean recognises(JsonHead head);
}
