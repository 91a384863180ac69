package dev.ponder.core.ingest;

import dev.ponder.core.ingest.record.SkippedRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Records an import tells of, those it skipped or those it kept with a warning: how many, and the first few with their
 * place and reason.
 */
final class SkippedRecords {
    private final List<SkippedRecord> shown = new ArrayList<>();
    private long count;

    void add(String location, String reason) {
        count++;
        if (shown.size() < ImportResult.SKIPPED_SHOWN) {
            shown.add(new SkippedRecord(location, reason));
        }
    }

    long count() {
        return count;
    }

    /** The first {@link ImportResult#SKIPPED_SHOWN}. */
    List<SkippedRecord> shown() {
        return shown;
    }
}
