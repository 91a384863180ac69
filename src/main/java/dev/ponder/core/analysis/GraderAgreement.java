package dev.ponder.core.analysis;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.Graders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether the graders agree on a run: every sample's stored answer graded by each of Ponder's graders and, where the
 * file carried them, by its own labels; how often each pair agrees, and the samples they disagree on grouped by
 * answer and gold, so a thousand identical disagreements are one row. From stored answers, never the traces; each
 * distinct answer–gold pair is graded once.
 *
 * @param graders        the graders, "file labels" first when the file had verdicts
 * @param samples        the run's samples
 * @param agreement      [i][j]: the share of samples graded by both on which graders i and j agree (NaN if none)
 * @param disagreements  answer–gold pairs on which some graders differ, most samples first (at most 100)
 * @param disagreeing    how many samples some graders disagree on
 */
public record GraderAgreement(
        List<String> graders, long samples, double[][] agreement, List<Disagreement> disagreements, long disagreeing) {

    /** One answer against one gold, the verdict of each grader ({@code null}: it gives none), and how many samples. */
    public record Disagreement(String answer, String gold, List<Boolean> verdicts, long samples) {}

    static final int SHOWN = 100;

    /** A tally of Ponder's graders, to which a run's samples are added one by one. */
    public static Tally tally() {
        return tally(List.of());
    }

    /** A tally of Ponder's graders and {@code more} (a model judge's kept verdicts), after them. */
    public static Tally tally(List<Grader> more) {
        List<Grader> graders = new ArrayList<>(Graders.all());
        graders.addAll(more);
        return new Tally(graders);
    }

    /** The counts as rows stream by: column 0 is the file's labels, kept only if some sample had one. */
    public static final class Tally {
        private final List<Grader> ours;
        private final int n;
        private final long[][] agree;
        private final long[][] both;
        private final Map<String, Boolean[]> graded = new HashMap<>();
        private final Map<List<Object>, long[]> differing = new LinkedHashMap<>();
        private long samples;
        private long disagreeing;
        private boolean labels;

        Tally(List<Grader> ours) {
            this.ours = ours;
            this.n = ours.size() + 1;
            this.agree = new long[n][n];
            this.both = new long[n][n];
        }

        /**
         * Grades these answer–gold pairs ({@code {answer, gold}}) with every grader, on all cores, before their samples
         * are added: a symbolic comparison takes milliseconds, and distinct pairs are many in a large run.
         */
        public void gradeAhead(List<String[]> pairs) {
            Map<String, Boolean[]> done = pairs.parallelStream()
                    .filter(pair -> !graded.containsKey(key(pair[0], pair[1])))
                    .collect(java.util.stream.Collectors.toConcurrentMap(
                            pair -> key(pair[0], pair[1]), pair -> verdicts(pair[0], pair[1]), (a, b) -> a));
            graded.putAll(done);
        }

        /** One sample: the file's verdict ({@code null} for none), its stored answer and its problem's gold. */
        public void add(Boolean fileVerdict, String answer, String gold) {
            samples++;
            Boolean[] byOurs = graded.computeIfAbsent(key(answer, gold), key -> verdicts(answer, gold));
            Boolean[] verdicts = new Boolean[n];
            verdicts[0] = fileVerdict;
            labels |= fileVerdict != null;
            System.arraycopy(byOurs, 0, verdicts, 1, byOurs.length);
            boolean differs = false;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (verdicts[i] != null && verdicts[j] != null) {
                        both[i][j]++;
                        if (verdicts[i].equals(verdicts[j])) {
                            agree[i][j]++;
                        } else {
                            differs = true;
                        }
                    }
                }
            }
            if (differs) {
                disagreeing++;
                List<Object> key = new ArrayList<>(Arrays.asList(verdicts));
                key.add(0, gold);
                key.add(0, answer);
                differing.computeIfAbsent(key, ignored -> new long[1])[0]++;
            }
        }

        public long samples() {
            return samples;
        }

        private static String key(String answer, String gold) {
            return answer + '\u0000' + gold;
        }

        private Boolean[] verdicts(String answer, String gold) {
            Boolean[] verdicts = new Boolean[ours.size()];
            for (int g = 0; g < ours.size(); g++) {
                verdicts[g] = ours.get(g).grade(answer, gold);
            }
            return verdicts;
        }

        public GraderAgreement result() {
            int from = labels ? 0 : 1;
            List<String> names = new ArrayList<>();
            if (labels) {
                names.add(Graders.FILE_LABELS);
            }
            ours.forEach(grader -> names.add(grader.name()));
            double[][] shares = new double[n - from][n - from];
            for (int i = from; i < n; i++) {
                for (int j = from; j < n; j++) {
                    shares[i - from][j - from] = both[i][j] == 0 ? Double.NaN : (double) agree[i][j] / both[i][j];
                }
            }
            List<Disagreement> listed = differing.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<List<Object>, long[]> entry) -> -entry.getValue()[0]))
                    .limit(SHOWN)
                    .map(entry -> {
                        List<Object> key = entry.getKey();
                        List<Boolean> verdicts = key.subList(2 + from, key.size()).stream()
                                .map(value -> (Boolean) value)
                                .toList();
                        return new Disagreement(
                                (String) key.get(0), (String) key.get(1), verdicts, entry.getValue()[0]);
                    })
                    .toList();
            return new GraderAgreement(List.copyOf(names), samples, shares, listed, disagreeing);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GraderAgreement that
                && graders.equals(that.graders)
                && samples == that.samples
                && Arrays.deepEquals(agreement, that.agreement)
                && disagreements.equals(that.disagreements)
                && disagreeing == that.disagreeing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(graders, samples, Arrays.deepHashCode(agreement), disagreements, disagreeing);
    }
}
