package dev.ponder.core.ingest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run file says about its run as a whole. Anything it leaves {@code null} may be set by the
 * user at import; the name falls back to the file name.
 */
public record RunHeader(String name, String model, String strategy, Map<String, String> params, String grader,
                        String notes) {
    public static final RunHeader EMPTY = new RunHeader(null, null, null, Map.of(), null, null);

    public RunHeader {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
    }
}
