package dev.ponder.core.model;

/**
 * Where a sample is, for choosing one among a problem's samples across runs.
 *
 * @param answer  its extracted answer, or {@code null}
 * @param correct its verdict, or {@code null}
 */
public record SampleRef(long id, long runId, String runName, int index, int round, String answer, Boolean correct) {

    /** "run · #3 · 42 ✓" */
    public String label() {
        return runName + " · #" + index + (round > 0 ? " round " + round : "") + " · "
                + (answer == null ? "no answer" : answer) + (correct == null ? "" : correct ? " ✓" : " ✗");
    }
}
