package dev.ponder.core.ingest;

import dev.ponder.core.ingest.record.IngestedSample;
import dev.ponder.core.ingest.record.SkippedRecord;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Step;
import java.util.List;

/** Records kept with a number stored as missing (a score of Infinity), and a warning for each. */
final class RecordWarnings {
    private final SkippedRecords said = new SkippedRecords();

    /** The sample with a score of NaN or ±Infinity (as Python's json writes them) stored as missing, and said. */
    Sample finite(IngestedSample ingested, Sample sample) {
        Double score = sample.score();
        if (score == null || Double.isFinite(score)) {
            return sample;
        }
        warn(ingested, "its score " + score + " is not a number; stored as missing");
        return new Sample(
                sample.id(),
                sample.runId(),
                sample.problemId(),
                sample.index(),
                sample.round(),
                sample.text(),
                sample.thinking(),
                sample.truncated(),
                sample.answer(),
                sample.correct(),
                sample.tokens(),
                sample.finishReason(),
                null,
                sample.budget(),
                sample.parentSampleId(),
                sample.metaJson());
    }

    List<Step> finiteSteps(IngestedSample ingested) {
        List<Step> steps = ingested.steps();
        if (steps.stream().allMatch(step -> step.score() == null || Double.isFinite(step.score()))) {
            return steps;
        }
        warn(ingested, "a step score is not a number (NaN or Infinity); stored as missing");
        return steps.stream()
                .map(step -> step.score() == null || Double.isFinite(step.score())
                        ? step
                        : new Step(step.index(), step.charStart(), step.charEnd(), null))
                .toList();
    }

    private void warn(IngestedSample ingested, String what) {
        said.add(
                "problem " + ingested.problemKey() + ", sample "
                        + ingested.sample().index(),
                what);
    }

    /** The first hundred warnings. */
    List<SkippedRecord> shown() {
        return said.shown();
    }

    long count() {
        return said.count();
    }
}
