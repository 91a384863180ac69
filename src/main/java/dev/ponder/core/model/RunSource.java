package dev.ponder.core.model;

/**
 * Where a run came from: the file it was imported from, the format it was read as, and the file's
 * SHA-256 so that the same file is recognised when it is imported again or cited in a provenance record.
 *
 * @param path   the file as the user gave it, or {@code null} for runs produced inside Ponder
 * @param format the reader's format name, e.g. {@code ponder-jsonl}
 * @param sha256 lowercase hex digest of the file's bytes, or {@code null} if not known
 */
public record RunSource(String path, String format, String sha256) {
    public RunSource {
        Checks.notBlank(format, "format");
    }
}
