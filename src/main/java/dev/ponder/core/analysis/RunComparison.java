package dev.ponder.core.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.stat.inference.AlternativeHypothesis;
import org.hipparchus.stat.inference.BinomialTest;

/**
 * Run B against run A on the problems they share, paired problem by problem (Miller 2024, "Adding error bars to
 * evals"): which problems each solves (by majority vote, by the first sample, or by a pass rate of at least one half),
 * McNemar's exact test on the problems only one of them solves, and the paired difference of per-problem pass rates
 * with its standard error, a bootstrap interval over problems, and the clustered standard error where problems carry
 * a group. The formulas and their sources are in docs/methods.md.
 *
 * @param shared              problems graded in both runs
 * @param onlyA               problems only run A has
 * @param onlyB               problems only run B has
 * @param by                  what "solved" means for the flips and McNemar's test
 * @param both                shared problems both runs solve
 * @param aOnly               solved by A only (McNemar's b)
 * @param bOnly               solved by B only (McNemar's c)
 * @param neither             solved by neither
 * @param exactP              McNemar's exact two-sided p-value: the binomial test of b successes in b + c at 1/2
 * @param chiSquared          the continuity-corrected statistic (|b − c| − 1)² / (b + c), or NaN when b + c is 0
 * @param chiSquaredP         its p-value from χ² with one degree of freedom (a large-sample approximation)
 * @param difference          mean over shared problems of B's pass rate minus A's
 * @param standardError       sd(d) / √n over the per-problem differences d
 * @param interval            the paired bootstrap 95% interval of the difference, resampling problems
 * @param clusteredError      the clustered standard error, or NaN when fewer than two groups
 * @param groups              how many groups the clustered error is over
 * @param problems            each shared problem, in run A's order
 * @param levels              the flips and the paired difference within each difficulty level of run A (its pass-rate
 *                            quintiles: level 1 holds the problems A finds easiest), easiest first
 */
public record RunComparison(
        int shared,
        int onlyA,
        int onlyB,
        Solved by,
        int both,
        int aOnly,
        int bOnly,
        int neither,
        double exactP,
        double chiSquared,
        double chiSquaredP,
        double difference,
        double standardError,
        Bootstrap.Interval interval,
        double clusteredError,
        int groups,
        List<PairedProblem> problems,
        List<Level> levels) {

    /** What counts as solving a problem. */
    public enum Solved {
        /** The majority answer of all its samples is right. */
        MAJORITY,
        /** Its first sample is right (pass@1 of one sample). */
        FIRST,
        /** At least half its graded samples are right. */
        RATE
    }

    /** Which runs solve a shared problem. */
    public enum Flip {
        BOTH,
        A_ONLY,
        B_ONLY,
        NEITHER
    }

    /**
     * The shared problems of one difficulty level of run A: how many each flip class holds, and the paired difference
     * of pass rates B − A with its standard error.
     */
    public record Level(
            int level, int both, int aOnly, int bOnly, int neither, double difference, double standardError) {
        public int problems() {
            return both + aOnly + bOnly + neither;
        }

        public int count(Flip flip) {
            return switch (flip) {
                case BOTH -> both;
                case A_ONLY -> aOnly;
                case B_ONLY -> bOnly;
                case NEITHER -> neither;
            };
        }
    }

    /**
     * One shared problem: each run's pass rate and majority, which solve it, its difficulty level in run A, and each
     * run's first sample of it (to set side by side).
     */
    public record PairedProblem(
            long problemId,
            double rateA,
            double rateB,
            String majorityA,
            Boolean majorityARight,
            String majorityB,
            Boolean majorityBRight,
            Flip flip,
            int level,
            long firstSampleA,
            long firstSampleB) {}

    /**
     * Compares run B with run A; {@code groupOf} gives a problem's group for the clustered error (its subject,
     * source), {@code null} when it has none.
     */
    public static RunComparison of(
            RunColumns a, RunColumns b, Solved by, LongFunction<String> groupOf, int resamples, long seed) {
        List<PairedProblem> problems = new ArrayList<>();
        int[] levelOf = LengthAccuracy.difficultyLevels(a, null);
        int onlyA = 0;
        int[] flips = new int[Flip.values().length];
        for (int p = 0; p < a.problems(); p++) {
            int q = b.problemOf(a.problemId(p));
            if (q < 0) {
                onlyA++;
                continue;
            }
            if (a.gradedCount(p) == 0 || b.gradedCount(q) == 0) {
                continue;
            }
            boolean solvedA = solved(a, p, by);
            boolean solvedB = solved(b, q, by);
            Flip flip = solvedA ? (solvedB ? Flip.BOTH : Flip.A_ONLY) : (solvedB ? Flip.B_ONLY : Flip.NEITHER);
            flips[flip.ordinal()]++;
            problems.add(new PairedProblem(
                    a.problemId(p),
                    rate(a, p),
                    rate(b, q),
                    majorityAnswer(a, p),
                    majorityRight(a, p),
                    majorityAnswer(b, q),
                    majorityRight(b, q),
                    flip,
                    levelOf[p],
                    a.sampleId(a.first(p)),
                    b.sampleId(b.first(q))));
        }
        int onlyB = 0;
        for (int q = 0; q < b.problems(); q++) {
            if (a.problemOf(b.problemId(q)) < 0) {
                onlyB++;
            }
        }
        int discordantA = flips[Flip.A_ONLY.ordinal()];
        int discordantB = flips[Flip.B_ONLY.ordinal()];
        int discordant = discordantA + discordantB;
        double exactP = discordant == 0
                ? 1.0
                : new BinomialTest().binomialTest(discordant, discordantA, 0.5, AlternativeHypothesis.TWO_SIDED);
        double chiSquared = discordant == 0
                ? Double.NaN
                : Math.pow(Math.max(0, Math.abs(discordantA - discordantB) - 1), 2) / discordant;
        double chiSquaredP =
                discordant == 0 ? Double.NaN : 1 - new ChiSquaredDistribution(1).cumulativeProbability(chiSquared);
        double[] differences = problems.stream()
                .mapToDouble(pair -> pair.rateB() - pair.rateA())
                .toArray();
        PairedAtK.Difference paired = PairedAtK.Difference.of(differences, resamples, seed);
        double[] clustered = clusteredError(problems, differences, paired.value(), groupOf);
        return new RunComparison(
                problems.size(),
                onlyA,
                onlyB,
                by,
                flips[Flip.BOTH.ordinal()],
                discordantA,
                discordantB,
                flips[Flip.NEITHER.ordinal()],
                exactP,
                chiSquared,
                chiSquaredP,
                paired.value(),
                paired.standardError(),
                paired.interval(),
                clustered[0],
                (int) clustered[1],
                problems,
                levels(problems, resamples, seed));
    }

    private static List<Level> levels(List<PairedProblem> problems, int resamples, long seed) {
        java.util.TreeMap<Integer, List<PairedProblem>> byLevel = new java.util.TreeMap<>();
        problems.forEach(pair -> byLevel.computeIfAbsent(pair.level(), level -> new ArrayList<>())
                .add(pair));
        List<Level> levels = new ArrayList<>();
        byLevel.forEach((level, pairs) -> {
            int[] flips = new int[Flip.values().length];
            pairs.forEach(pair -> flips[pair.flip().ordinal()]++);
            double[] d = pairs.stream()
                    .mapToDouble(pair -> pair.rateB() - pair.rateA())
                    .toArray();
            PairedAtK.Difference paired = PairedAtK.Difference.of(d, 0, seed);
            levels.add(new Level(
                    level,
                    flips[Flip.BOTH.ordinal()],
                    flips[Flip.A_ONLY.ordinal()],
                    flips[Flip.B_ONLY.ordinal()],
                    flips[Flip.NEITHER.ordinal()],
                    paired.value(),
                    paired.standardError()));
        });
        return levels;
    }

    private static boolean solved(RunColumns run, int problem, Solved by) {
        return switch (by) {
            case MAJORITY -> MajorityVote.firstK(run, problem, run.size(problem)) == 1;
            case FIRST -> run.verdict(run.first(problem)) == 1;
            case RATE -> rate(run, problem) >= 0.5;
        };
    }

    private static double rate(RunColumns run, int problem) {
        return (double) run.correctCount(problem) / run.gradedCount(problem);
    }

    /** The answer most of the problem's samples gave, or {@code null} when most gave none. */
    private static String majorityAnswer(RunColumns run, int problem) {
        int winner = MajorityVote.firstKChoice(run, problem, run.size(problem));
        return winner >= 0 && winner < run.clusters(problem) ? run.clusterAnswers[problem][winner] : null;
    }

    private static Boolean majorityRight(RunColumns run, int problem) {
        double verdict = MajorityVote.firstK(run, problem, run.size(problem));
        return Double.isNaN(verdict) ? null : verdict == 1;
    }

    /**
     * Miller (2024), Appendix A: √(Σ_c (Σ_{i∈c} (d_i − d̄))²) / n over the groups c; NaN with fewer than two groups.
     * Returns the error and the number of groups.
     */
    static double[] clusteredError(
            List<PairedProblem> problems, double[] d, double mean, LongFunction<String> groupOf) {
        Map<String, Double> sums = new HashMap<>();
        for (int i = 0; i < d.length; i++) {
            String group =
                    groupOf == null ? null : groupOf.apply(problems.get(i).problemId());
            if (group == null) {
                return new double[] {Double.NaN, 0};
            }
            sums.merge(group, d[i] - mean, Double::sum);
        }
        if (sums.size() < 2) {
            return new double[] {Double.NaN, sums.size()};
        }
        double total = 0;
        for (double sum : sums.values()) {
            total += sum * sum;
        }
        return new double[] {Math.sqrt(total) / d.length, sums.size()};
    }
}
