package dev.ponder.core.compute;

import dev.ponder.core.analysis.Bootstrap;
import dev.ponder.core.compute.ComputeFrontier.Matching;
import dev.ponder.core.compute.ComputeFrontier.Winner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The papers' headline comparison: how much compute the baseline (best-of-N, majority) needs to reach the accuracy
 * the compute-optimal choice reaches within a budget. Read off the baseline's curve, log-linearly between its points;
 * the interval resamples the bin's problems (the winners kept) and reads the ratio again.
 */
final class Matchings {
    private static final double NEVER = Double.MAX_VALUE;

    private Matchings() {}

    static List<Winner> of(
            List<RunCurve> curves,
            RunCurve baseline,
            int[] problems,
            List<Winner> winners,
            ComputeFrontier.Options options,
            int bin) {
        double[][] base = curve(baseline, problems);
        List<Winner> matched = new ArrayList<>();
        double[][] ratios = new double[winners.size()][options.resamples()];
        SplittableRandom random = new SplittableRandom(options.seed() ^ (bin + 1) * 0x9E3779B97F4A7C15L);
        int[] drawn = new int[problems.length];
        for (int r = 0; r < options.resamples() && problems.length > 0; r++) {
            for (int j = 0; j < drawn.length; j++) {
                drawn[j] = problems[random.nextInt(problems.length)];
            }
            double[][] resampled = curve(baseline, drawn);
            for (int w = 0; w < winners.size(); w++) {
                ComputeFrontier.Point best = winners.get(w).best();
                RunCurve curve = curves.get(best.run());
                ComputeFrontier.Point point = ComputeFrontier.point(
                        best.run(), curve, ComputeFrontier.index(curve, best.k()), drawn, null, true);
                double needed = point == null ? Double.POSITIVE_INFINITY : needed(resampled, point.accuracy());
                ratios[w][r] = Double.isInfinite(needed) ? NEVER : needed / point.cost();
            }
        }
        for (int w = 0; w < winners.size(); w++) {
            Winner winner = winners.get(w);
            double needed = needed(base, winner.best().accuracy());
            double[] sorted = ratios[w].clone();
            Arrays.sort(sorted);
            matched.add(new Winner(
                    winner.budget(),
                    winner.best(),
                    winner.low(),
                    winner.high(),
                    winner.runnerUp(),
                    winner.crossValidated(),
                    new Matching(
                            needed,
                            needed / winner.best().cost(),
                            infinite(Bootstrap.percentile(sorted, 2.5)),
                            infinite(Bootstrap.percentile(sorted, 97.5)))));
        }
        return matched;
    }

    /** The curve's points over these problems (drawn with repeats), each {cost, accuracy}, cheapest first. */
    private static double[][] curve(RunCurve curve, int[] problems) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < curve.ks().length; i++) {
            ComputeFrontier.Point point = ComputeFrontier.point(0, curve, i, problems, null, true);
            if (point != null) {
                points.add(new double[] {point.cost(), point.accuracy()});
            }
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        return points.toArray(double[][]::new);
    }

    /** The cost at which the curve first reaches the accuracy: log-linear between points, infinite if never. */
    static double needed(double[][] curve, double accuracy) {
        double[] previous = null;
        for (double[] point : curve) {
            if (Double.isNaN(point[0]) || !(point[0] > 0)) {
                continue;
            }
            if (point[1] >= accuracy - 1e-12) {
                if (previous == null || point[1] <= previous[1]) {
                    return point[0];
                }
                double t = (accuracy - previous[1]) / (point[1] - previous[1]);
                return Math.exp(Math.log(previous[0]) + t * (Math.log(point[0]) - Math.log(previous[0])));
            }
            previous = point;
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double infinite(double value) {
        return value >= NEVER / 2 ? Double.POSITIVE_INFINITY : value;
    }
}
