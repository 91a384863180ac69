package dev.ponder.core.ingest.record;

import dev.ponder.core.model.RunSource;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a run file says about its run as a whole. Anything it leaves {@code null} may be set by the
 * user at import; the name falls back to the file name.
 *
 * @param origin where the run first came from, when the file is Ponder's own export of an imported run;
 *               the re-imported run then keeps that source and import time, so the round trip is lossless
 */
public record RunHeader(
        String name,
        String model,
        String strategy,
        Map<String, String> params,
        String grader,
        String notes,
        Origin origin) {
    public static final RunHeader EMPTY = new RunHeader(null, null, null, Map.of(), null, null);

    /** The source a run was first imported from, and when. */
    public record Origin(RunSource source, Instant importedAt) {
        public Origin {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(importedAt, "importedAt");
        }
    }

    public RunHeader {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public RunHeader(
            String name, String model, String strategy, Map<String, String> params, String grader, String notes) {
        this(name, model, strategy, params, grader, notes, null);
    }
}
