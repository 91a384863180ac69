package dev.ponder.core.ingest;

import dev.ponder.core.ingest.record.RecordException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Maps a file's own ids (for samples or tree nodes) to workspace ids. An id mentioned as a parent before
 * its record appears gets its workspace id reserved then, so files may list children before parents.
 */
final class FileRefs {
    private final LongSupplier reserve;
    private final Map<String, Long> ids = new HashMap<>();
    private final Set<String> defined = new HashSet<>();

    FileRefs(LongSupplier reserve) {
        this.reserve = reserve;
    }

    /** The workspace id for a record defining {@code fileId}; a fresh id when the record has no file id. */
    long define(String fileId) {
        if (fileId == null) {
            return reserve.getAsLong();
        }
        if (defined.contains(fileId)) {
            throw new RecordException("id \"" + fileId + "\" is used by an earlier record");
        }
        defined.add(fileId);
        return ids.computeIfAbsent(fileId, ignored -> reserve.getAsLong());
    }

    /** The workspace id of the record a parent reference points at, or {@code null} for no parent. */
    Long reference(String fileId) {
        return fileId == null ? null : ids.computeIfAbsent(fileId, ignored -> reserve.getAsLong());
    }

    /** File ids that were referred to but never defined. */
    List<String> dangling() {
        return ids.keySet().stream()
                .filter(id -> !defined.contains(id))
                .sorted()
                .limit(10)
                .toList();
    }
}
