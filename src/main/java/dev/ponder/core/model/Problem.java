package dev.ponder.core.model;

/**
 * A problem, shared by every run that attempts it: the same MATH-500 item in five runs is one problem.
 *
 * @param id           the workspace's id; {@code 0} for a problem not stored yet
 * @param key          stable identity across runs, e.g. {@code math500/test/precalculus/807.json}
 * @param dataset      the benchmark it belongs to, if known
 * @param question     the problem statement, if known
 * @param goldAnswer   the reference answer, if known
 * @param metadataJson further fields of the source as a JSON object, or {@code null}
 */
public record Problem(long id, String key, String dataset, String question, String goldAnswer, String metadataJson) {
    public Problem {
        Checks.nonNegative(id, "id");
        Checks.notBlank(key, "key");
    }
}
