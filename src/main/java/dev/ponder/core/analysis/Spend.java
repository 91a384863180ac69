package dev.ponder.core.analysis;

/**
 * The tokens a strategy spends per problem, for plotting figures against compute: thinking tokens where a
 * sample has them, else its total.
 */
final class Spend {
    private Spend() {}

    /** Mean over problems of k times the problem's mean tokens per sample: what a random k of them cost. */
    static double expected(RunColumns run, int k) {
        double sum = 0;
        int problems = 0;
        for (int p = 0; p < run.problems(); p++) {
            double mean = meanTokens(run, p, run.size(p));
            if (!Double.isNaN(mean) && run.size(p) >= k) {
                sum += k * mean;
                problems++;
            }
        }
        return problems == 0 ? Double.NaN : sum / problems;
    }

    /** Mean over problems of the tokens of their first k samples. */
    static double firstK(RunColumns run, int k) {
        double sum = 0;
        int problems = 0;
        for (int p = 0; p < run.problems(); p++) {
            if (run.size(p) < k) {
                continue;
            }
            double mean = meanTokens(run, p, k);
            if (!Double.isNaN(mean)) {
                sum += k * mean;
                problems++;
            }
        }
        return problems == 0 ? Double.NaN : sum / problems;
    }

    /** Mean tokens of the problem's first {@code limit} samples that have a count, NaN if none has. */
    static double meanTokens(RunColumns run, int problem, int limit) {
        long sum = 0;
        int n = 0;
        int first = run.first(problem);
        for (int s = first; s < first + limit; s++) {
            int tokens = run.thinkingOrTotal(s);
            if (tokens >= 0) {
                sum += tokens;
                n++;
            }
        }
        return n == 0 ? Double.NaN : (double) sum / n;
    }
}
