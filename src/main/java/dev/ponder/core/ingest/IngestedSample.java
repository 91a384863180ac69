package dev.ponder.core.ingest;

import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.Step;
import java.util.List;
import java.util.Objects;

/**
 * A sample as a reader found it: which problem it answers (by key), the file's own id for it and for the
 * sample it continues (to link rounds and branches), and its steps and forced segments. The sample's own
 * ids are left {@code 0}; the sink assigns them.
 */
public record IngestedSample(String problemKey, String fileId, String parentFileId, Sample sample, List<Step> steps,
                             List<Segment> segments) {
    public IngestedSample {
        Objects.requireNonNull(problemKey, "problemKey");
        Objects.requireNonNull(sample, "sample");
        steps = steps == null ? List.of() : List.copyOf(steps);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public static IngestedSample of(String problemKey, Sample sample) {
        return new IngestedSample(problemKey, null, null, sample, List.of(), List.of());
    }
}
