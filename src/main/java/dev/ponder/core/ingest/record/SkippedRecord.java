package dev.ponder.core.ingest.record;

/** A record left out of an import, where it was in the file and why. */
public record SkippedRecord(String location, String reason) {
    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
