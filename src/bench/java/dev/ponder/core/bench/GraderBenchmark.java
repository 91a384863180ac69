package dev.ponder.core.bench;

import dev.ponder.core.analysis.GraderAgreement;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Every grader over many stored answers, as {@code ponder agreement} tallies them, on answers that need each grader's
 * work: integers, fractions against decimals, surds in two forms, percentages, expanded and factored polynomials,
 * tuples, and wrong answers. Distinct answer–gold pairs are graded once, so the time is the distinct pairs' (the
 * symbolic step of qwen-math above all) plus the tally of every sample.
 */
public final class GraderBenchmark {
    private GraderBenchmark() {}

    /** One answer against its gold, as stored. */
    record Pair(String answer, String gold) {}

    /** {@code problems} problems of four distinct answers each, one of the kinds above per problem. */
    static List<Pair> pairs(int problems, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Pair> pairs = new ArrayList<>();
        for (int p = 0; p < problems; p++) {
            int a = 2 + random.nextInt(97);
            int b = 2 + random.nextInt(97);
            switch (p % 6) {
                case 0 -> {
                    String gold = String.valueOf(a * b);
                    pairs.add(new Pair(gold, gold));
                    pairs.add(new Pair(gold + ".0", gold));
                    pairs.add(new Pair(String.valueOf(a * b + 10), gold));
                    pairs.add(new Pair(String.valueOf(a + b), gold));
                }
                case 1 -> {
                    String gold = "\\frac{" + a + "}{" + (a + b) + "}";
                    pairs.add(new Pair(gold, gold));
                    pairs.add(new Pair(String.format(Locale.ROOT, "%.6f", (double) a / (a + b)), gold));
                    pairs.add(new Pair("\\dfrac{" + 2 * a + "}{" + 2 * (a + b) + "}", gold));
                    pairs.add(new Pair("\\frac{" + b + "}{" + (a + b) + "}", gold));
                }
                case 2 -> {
                    int k = 2 + random.nextInt(9);
                    int m = new int[] {2, 3, 5, 6, 7, 10, 11, 13}[random.nextInt(8)];
                    String gold = k + "\\sqrt{" + m + "}";
                    pairs.add(new Pair(gold, gold));
                    pairs.add(new Pair("\\sqrt{" + k * k * m + "}", gold));
                    pairs.add(new Pair("\\sqrt{" + (k * k * m + 1) + "}", gold));
                    pairs.add(new Pair(String.valueOf(k * m), gold));
                }
                case 3 -> {
                    String gold = "0." + String.format(Locale.ROOT, "%02d", a);
                    pairs.add(new Pair(gold, gold));
                    pairs.add(new Pair(a + "\\%", gold));
                    pairs.add(new Pair(String.valueOf(a), gold));
                    pairs.add(new Pair(b + "\\%", gold));
                }
                case 4 -> {
                    String gold = "x^2+" + (a + b) + "x+" + a * b;
                    pairs.add(new Pair(gold, gold));
                    pairs.add(new Pair("(x+" + a + ")(x+" + b + ")", gold));
                    pairs.add(new Pair("(x+" + a + ")(x-" + b + ")", gold));
                    pairs.add(new Pair("x^2+" + a * b, gold));
                }
                default -> {
                    String gold = "(" + a + "," + b + ")";
                    pairs.add(new Pair(gold, gold));
                    pairs.add(new Pair("(" + a + ", " + b + ".0)", gold));
                    pairs.add(new Pair("(" + b + "," + a + ")", gold));
                    pairs.add(new Pair("[" + a + "," + b + "]", gold));
                }
            }
        }
        return new ArrayList<>(new java.util.LinkedHashSet<>(pairs));
    }

    /** Tallies {@code samples} samples drawn from the pairs and reports the time. */
    public static void run(int problems, int samples, long seed, PrintWriter out) {
        List<Pair> pairs = pairs(problems, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        String[] answers = new String[samples];
        String[] golds = new String[samples];
        for (int s = 0; s < samples; s++) {
            Pair pair = pairs.get(random.nextInt(pairs.size()));
            answers[s] = pair.answer();
            golds[s] = pair.gold();
        }
        long started = System.nanoTime();
        GraderAgreement.Tally tally = GraderAgreement.tally();
        // as ponder agreement does: the distinct pairs graded on every core, then every sample tallied
        java.util.Map<String, String[]> distinct = new java.util.LinkedHashMap<>();
        for (int s = 0; s < samples; s++) {
            distinct.putIfAbsent(answers[s] + '\u0000' + golds[s], new String[] {answers[s], golds[s]});
        }
        tally.gradeAhead(new ArrayList<>(distinct.values()));
        for (int s = 0; s < samples; s++) {
            tally.add(null, answers[s], golds[s]);
        }
        GraderAgreement agreement = tally.result();
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                Locale.ROOT,
                "graders: %s%n%,d samples over %,d distinct answer–gold pairs (%,d problems): tallied by every grader in"
                        + " %.2f s (%,.0f distinct pairs/s); %,d samples on which some graders disagree%n",
                String.join(", ", agreement.graders()),
                samples,
                pairs.size(),
                problems,
                seconds,
                pairs.size() / seconds,
                agreement.disagreeing());
        out.flush();
    }
}
