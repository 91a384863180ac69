package dev.ponder.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything needed to regenerate an exported figure or dataset: which Ponder made it, from which
 * workspace and runs (with their source files' hashes), under which filters, grader, seed and settings.
 */
public record Provenance(String ponderVersion, String workspace, List<RunRef> runs, Map<String, String> filters,
                         String grader, Long seed, Map<String, String> settings, Instant createdAt) {

    /** A run as cited by an export: its id in the workspace, its name and where it came from. */
    public record RunRef(long runId, String name, RunSource source) {
        public RunRef {
            Objects.requireNonNull(source, "source");
        }

        public static RunRef of(Run run) {
            return new RunRef(run.id(), run.name(), run.source());
        }
    }

    public Provenance {
        Checks.notBlank(ponderVersion, "ponderVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        runs = runs == null ? List.of() : List.copyOf(runs);
        filters = filters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(filters));
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(settings));
    }
}
