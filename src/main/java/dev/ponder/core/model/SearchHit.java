package dev.ponder.core.model;

/**
 * A sample whose text matches a search, where it is (run, problem, sample index and round), and the match in
 * context ({@code [} and {@code ]} around the hit).
 */
public record SearchHit(
        long sampleId,
        long runId,
        long problemId,
        String runName,
        String problemKey,
        int sampleIndex,
        int round,
        String snippet) {}
