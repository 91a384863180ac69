package dev.ponder.core.bench;

/**
 * The standard sizes of synthetic runs. {@code large}: about 1 GB, 500 problems of 64 long samples
 * (log-normal lengths with a tail to 32k tokens). {@code many}: a million short samples, 4,000 problems of 250.
 * {@code medium}: half of {@code large}.
 *
 * @param medianTokens the median length of a trace in tokens
 * @param sigma        the spread of the log-normal length distribution
 * @param maxTokens    the length cap, as a generation limit would impose
 */
public enum BenchSize {
    LARGE(500, 64, 3_800, 0.75, 32_768),
    MANY(4_000, 250, 70, 0.5, 400),
    /** Half of {@code large}: 16,000 long samples, the size of the Inspect log the first-figures goals name. */
    MEDIUM(250, 64, 3_800, 0.75, 32_768),
    /** A small size for tests and trying things out. */
    SMALL(20, 8, 300, 0.6, 2_000);

    private final int problems;
    private final int samplesPerProblem;
    private final int medianTokens;
    private final double sigma;
    private final int maxTokens;

    BenchSize(int problems, int samplesPerProblem, int medianTokens, double sigma, int maxTokens) {
        this.problems = problems;
        this.samplesPerProblem = samplesPerProblem;
        this.medianTokens = medianTokens;
        this.sigma = sigma;
        this.maxTokens = maxTokens;
    }

    public int problems() {
        return problems;
    }

    public int samplesPerProblem() {
        return samplesPerProblem;
    }

    public int medianTokens() {
        return medianTokens;
    }

    public double sigma() {
        return sigma;
    }

    public int maxTokens() {
        return maxTokens;
    }

    public long samples() {
        return (long) problems * samplesPerProblem;
    }
}
