package dev.ponder.core.ingest.record;

import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.Step;
import java.util.List;
import java.util.Objects;

/**
 * A sample as a reader found it: which problem it answers (by key), the file's own id for it and for the
 * sample it continues (to link rounds and branches), its steps and forced segments, and the verdict the file
 * itself gave ({@code null} when it gave none; kept so a regraded run can return to it). The sample's own
 * ids are left {@code 0}; the sink assigns them.
 */
public record IngestedSample(
        String problemKey,
        String fileId,
        String parentFileId,
        Sample sample,
        List<Step> steps,
        List<Segment> segments,
        Boolean fileVerdict) {
    public IngestedSample(
            String problemKey,
            String fileId,
            String parentFileId,
            Sample sample,
            List<Step> steps,
            List<Segment> segments) {
        this(problemKey, fileId, parentFileId, sample, steps, segments, null);
    }

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
