package dev.ponder.core.compute;

import dev.ponder.core.analysis.Bootstrap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The compute-optimal frontier across runs of the same problems (Snell et al. 2024): every run's curve of accuracy
 * against cost, per difficulty bin; the Pareto frontier over them; at each budget of a doubling grid the best
 * accuracy within it, which run and k reach it (with a bootstrap interval over the bin's problems) and the runner-up
 * from another run; what the baseline needs to match it; and, against choosing and scoring on the same problems,
 * Snell's two-fold cross-validation (choose on one half of the problems, score on the other, and swap).
 *
 * @param runs     the runs' names, in the order points refer to them
 * @param baseline the baseline run's position, or -1 for none
 * @param budgets  the budgets of the winners tables: the cheapest point's cost, doubled up to the dearest
 * @param bins     all problems first, then each difficulty bin
 */
public record ComputeFrontier(List<String> runs, int baseline, List<Double> budgets, List<Bin> bins) {
    private static final int MAX_BUDGETS = 64;
    private static final double EPS = 1e-9;

    /** A run at one k: mean cost and accuracy over the bin's problems that count. */
    public record Point(int run, int k, double cost, double accuracy, int problems) {}

    /**
     * What the baseline needs to reach a winner's accuracy: its cost read off its curve (log-linear between its
     * points) and the ratio to the winner's cost, with a bootstrap interval; infinite where its curve never gets
     * there.
     */
    public record Matching(double baselineCost, double ratio, double low, double high) {
        /** "2.0× [1.3, 3.1]", or "not reached (> 4.0×)" where the baseline's curve never gets there. */
        public String describe(double dearest, double winnerCost) {
            if (Double.isInfinite(ratio)) {
                return String.format(Locale.ROOT, "not reached (> %.1f×)", dearest / winnerCost);
            }
            return String.format(Locale.ROOT, "%.1f× [%s, %s]", ratio, times(low), times(high));
        }

        private static String times(double value) {
            return Double.isNaN(value)
                    ? "—"
                    : Double.isInfinite(value) ? "∞" : String.format(Locale.ROOT, "%.1f", value);
        }
    }

    /**
     * The best within a budget.
     *
     * @param crossValidated the two-fold cross-validated accuracy of choosing by budget, NaN when not asked for
     * @param matching       the baseline's compute to match, or {@code null} without a baseline
     */
    public record Winner(
            double budget,
            Point best,
            double low,
            double high,
            Point runnerUp,
            double crossValidated,
            Matching matching) {}

    /**
     * One bin's curves, frontier and winners, and the saturating law fitted to its frontier (accuracy against
     * cost), {@code null} where the frontier has fewer than three points.
     */
    public record Bin(
            String name,
            int problems,
            List<Point> points,
            List<Point> frontier,
            List<Winner> winners,
            SaturationFit fit) {}

    /** The options of the analysis; {@code epsilon} is the gain per doubling of cost called saturated. */
    public record Options(int resamples, long seed, int baseline, boolean crossValidate, double epsilon) {}

    /**
     * The frontier of these curves.
     *
     * @param binOf    each problem's bin (index into {@code binNames}), -1 for none
     * @param binNames the bins' names, easiest first
     */
    public static ComputeFrontier of(List<RunCurve> curves, int[] binOf, List<String> binNames, Options options) {
        int problems = binOf.length;
        List<int[]> members = new ArrayList<>();
        List<String> names = new ArrayList<>();
        members.add(range(problems));
        names.add("all problems");
        for (int b = 0; b < binNames.size(); b++) {
            final int bin = b;
            members.add(java.util.stream.IntStream.range(0, problems)
                    .filter(p -> binOf[p] == bin)
                    .toArray());
            names.add(binNames.get(b));
        }
        boolean[] firstHalf = halves(problems, options.seed());
        List<Point> overall = points(curves, members.get(0), null, true);
        List<Double> budgets = budgets(overall);
        // the bins are independent: worked out on every core, kept in order
        List<Bin> bins = java.util.stream.IntStream.range(0, members.size())
                .parallel()
                .mapToObj(b -> bin(
                        curves, members.get(b), names.get(b), b, b == 0 ? overall : null, budgets, firstHalf, options))
                .toList();
        List<String> runNames = curves.stream().map(RunCurve::name).toList();
        return new ComputeFrontier(runNames, options.baseline(), budgets, bins);
    }

    private static Bin bin(
            List<RunCurve> curves,
            int[] inBin,
            String name,
            int b,
            List<Point> known,
            List<Double> budgets,
            boolean[] firstHalf,
            Options options) {
        List<Point> points = known != null ? known : points(curves, inBin, null, true);
        List<Winner> winners = new ArrayList<>();
        for (double budget : budgets) {
            Point best = best(points, budget, -1);
            if (best == null) {
                continue;
            }
            Bootstrap.Interval interval = Bootstrap.of(
                    values(curves.get(best.run()), index(curves.get(best.run()), best.k()), inBin),
                    options.resamples(),
                    options.seed());
            double crossValidated =
                    options.crossValidate() ? crossValidated(curves, inBin, firstHalf, budget) : Double.NaN;
            winners.add(new Winner(
                    budget,
                    best,
                    interval.low(),
                    interval.high(),
                    best(points, budget, best.run()),
                    crossValidated,
                    null));
        }
        if (options.baseline() >= 0) {
            winners = Matchings.of(curves, curves.get(options.baseline()), inBin, winners, options, b);
        }
        List<Point> front = frontier(points);
        SaturationFit fit = SaturationFit.of(
                front.stream().mapToDouble(Point::cost).toArray(),
                front.stream().mapToDouble(Point::accuracy).toArray(),
                options.epsilon());
        return new Bin(name, inBin.length, points, front, winners, fit);
    }

    /** Every run's points over these problems ({@code include} further limits them, when not null). */
    static List<Point> points(List<RunCurve> curves, int[] problems, boolean[] include, boolean wanted) {
        List<Point> points = new ArrayList<>();
        for (int r = 0; r < curves.size(); r++) {
            RunCurve curve = curves.get(r);
            for (int i = 0; i < curve.ks().length; i++) {
                Point point = point(r, curve, i, problems, include, wanted);
                if (point != null) {
                    points.add(point);
                }
            }
        }
        return points;
    }

    static Point point(int run, RunCurve curve, int i, int[] problems, boolean[] include, boolean wanted) {
        double valueSum = 0;
        double costSum = 0;
        int counted = 0;
        int costed = 0;
        for (int p : problems) {
            if (include != null && include[p] != wanted) {
                continue;
            }
            double value = curve.values()[i][p];
            if (Double.isNaN(value)) {
                continue;
            }
            valueSum += value;
            counted++;
            double cost = curve.costs()[i][p];
            if (!Double.isNaN(cost)) {
                costSum += cost;
                costed++;
            }
        }
        if (counted == 0 || costed == 0 || !(costSum > 0)) {
            return null;
        }
        return new Point(run, curve.ks()[i], costSum / costed, valueSum / counted, counted);
    }

    /** The best point within the budget (ties: the cheaper), leaving out one run (-1: none). */
    static Point best(List<Point> points, double budget, int otherThan) {
        Point best = null;
        for (Point point : points) {
            if (point.run() == otherThan || point.cost() > budget * (1 + EPS)) {
                continue;
            }
            if (best == null
                    || point.accuracy() > best.accuracy() + EPS
                    || Math.abs(point.accuracy() - best.accuracy()) <= EPS && point.cost() < best.cost()) {
                best = point;
            }
        }
        return best;
    }

    /** The points no cheaper point matches: the upper envelope, cheapest first. */
    static List<Point> frontier(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::cost)
                .thenComparing(Comparator.comparingDouble(Point::accuracy).reversed()));
        List<Point> frontier = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Point point : sorted) {
            if (point.accuracy() > best + EPS) {
                frontier.add(point);
                best = point.accuracy();
            }
        }
        return frontier;
    }

    static List<Double> budgets(List<Point> points) {
        double cheapest = points.stream().mapToDouble(Point::cost).min().orElse(Double.NaN);
        double dearest = points.stream().mapToDouble(Point::cost).max().orElse(Double.NaN);
        List<Double> budgets = new ArrayList<>();
        if (Double.isNaN(cheapest)) {
            return budgets;
        }
        for (double budget = cheapest; budgets.size() < MAX_BUDGETS; budget *= 2) {
            budgets.add(budget);
            if (budget >= dearest * (1 - EPS)) {
                break;
            }
        }
        return budgets;
    }

    /** Snell's two-fold cross-validation: choose on one half, score on the other, both ways, weighted by problems. */
    private static double crossValidated(List<RunCurve> curves, int[] problems, boolean[] firstHalf, double budget) {
        double sum = 0;
        int scored = 0;
        for (boolean choosing : new boolean[] {true, false}) {
            Point chosen = best(points(curves, problems, firstHalf, choosing), budget, -1);
            if (chosen == null) {
                return Double.NaN;
            }
            RunCurve curve = curves.get(chosen.run());
            Point score = point(chosen.run(), curve, index(curve, chosen.k()), problems, firstHalf, !choosing);
            if (score == null) {
                return Double.NaN;
            }
            sum += score.accuracy() * score.problems();
            scored += score.problems();
        }
        return sum / scored;
    }

    /** A seeded half of the problems. */
    static boolean[] halves(int problems, long seed) {
        int[] order = range(problems);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = problems - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        boolean[] first = new boolean[problems];
        for (int i = 0; i < problems / 2; i++) {
            first[order[i]] = true;
        }
        return first;
    }

    static int index(RunCurve curve, int k) {
        for (int i = 0; i < curve.ks().length; i++) {
            if (curve.ks()[i] == k) {
                return i;
            }
        }
        throw new IllegalArgumentException("no k = " + k);
    }

    static double[] values(RunCurve curve, int i, int[] problems) {
        double[] values = new double[problems.length];
        for (int j = 0; j < problems.length; j++) {
            values[j] = curve.values()[i][problems[j]];
        }
        return values;
    }

    private static int[] range(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    /** "tiny best-of-16 at k = 4", or "—" for none. */
    public String name(Point point) {
        return point == null ? "—" : runs.get(point.run()) + " at k = " + point.k();
    }

    /** "61.0% [52.0, 70.0]", without the interval where it has none; "—" for none. */
    public static String percent(double value, double low, double high) {
        if (Double.isNaN(value)) {
            return "—";
        }
        String text = String.format(Locale.ROOT, "%.1f%%", 100 * value);
        return Double.isNaN(low) ? text : text + String.format(Locale.ROOT, " [%.1f, %.1f]", 100 * low, 100 * high);
    }

    /** The dearest budget, NaN without any. */
    public double dearest() {
        return budgets.isEmpty() ? Double.NaN : budgets.get(budgets.size() - 1);
    }

    /** The bin of this name, or {@code null}. */
    public Bin bin(String name) {
        return bins.stream().filter(bin -> bin.name().equals(name)).findFirst().orElse(null);
    }
}
