package dev.ponder.core.analysis;

/**
 * First Finish Search (arXiv 2505.18149), offline: of a problem's samples, the one that finished first, which
 * for samples decoded side by side is the shortest that stopped on its own (not cut off). Ties go to the earlier
 * sample. Its own verdict counts. Needs token counts.
 */
public final class FirstFinish {
    private FirstFinish() {}

    /** Accuracy over problems with a finished, counted, graded sample; and the chosen samples' mean tokens. */
    public record Result(double accuracy, int problems, double meanTokens) {}

    public static Result of(RunColumns run) {
        double[] verdicts = new double[run.problems()];
        double tokens = 0;
        int counted = 0;
        for (int p = 0; p < run.problems(); p++) {
            int chosen = choice(run, p);
            verdicts[p] = chosen < 0 || run.correct[chosen] == RunColumns.UNGRADED ? Double.NaN : run.correct[chosen];
            if (!Double.isNaN(verdicts[p])) {
                tokens += run.thinkingOrTotal(chosen);
                counted++;
            }
        }
        return new Result(Stats.mean(verdicts), counted, counted == 0 ? Double.NaN : tokens / counted);
    }

    /** The problem's first-finishing sample, or -1 when none finished with a token count. */
    static int choice(RunColumns run, int problem) {
        int best = -1;
        int first = run.first(problem);
        for (int s = first; s < first + run.size(problem); s++) {
            int tokens = run.thinkingOrTotal(s);
            if (run.finished[s] && tokens >= 0 && (best < 0 || tokens < run.thinkingOrTotal(best))) {
                best = s;
            }
        }
        return best;
    }
}
