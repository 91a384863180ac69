package dev.ponder.core.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One evaluation run: a model answering a set of problems with some test-time strategy.
 *
 * @param id          the workspace's id; {@code 0} for a run not stored yet
 * @param name        what the researcher calls it
 * @param source      the file it was imported from
 * @param importedAt  when it entered the workspace
 * @param model       the model that produced the samples, if known
 * @param strategy    the test-time strategy (e.g. {@code best-of-n}, {@code budget-forcing}), if known
 * @param params      run attributes such as temperature, max tokens, thinking budget, seed, group name;
 *                    kept sorted by key so that two equal runs print the same
 * @param parentRunId the run this one was replayed from, if any
 * @param grader      the grader whose verdicts the {@code correct} column holds, if graded
 * @param notes       free text
 */
public record Run(
        long id,
        String name,
        RunSource source,
        Instant importedAt,
        String model,
        String strategy,
        Map<String, String> params,
        Long parentRunId,
        String grader,
        String notes) {

    public Run {
        Checks.nonNegative(id, "id");
        Checks.notBlank(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(importedAt, "importedAt");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public Run withId(long newId) {
        return new Run(newId, name, source, importedAt, model, strategy, params, parentRunId, grader, notes);
    }
}
