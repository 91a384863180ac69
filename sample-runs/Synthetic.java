import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the synthetic sample runs' raw records, R1-style traces made by a documented recipe (no model ran): see
 * sample-runs/README.md. Deterministic: the same seed writes the same bytes. Run by sample-runs/synthetic.sh:
 *
 * <pre>java sample-runs/Synthetic.java OUT_DIR</pre>
 *
 * writes OUT_DIR/overthinking.jsonl (one record per sample), OUT_DIR/rounds.jsonl (one per sample and round) and
 * OUT_DIR/tiny-r1-synthetic-mcts.json (an llm-reasoners TreeLog of a 60-iteration MCTS).
 */
public final class Synthetic {
    private static final int PROBLEMS = 24;
    private static final int SAMPLES = 8;
    private static final int ROUND_SAMPLES = 4;
    private static final int ROUNDS = 3;
    private static final int MCTS_ITERATIONS = 60;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        List<Problem> problems = problems(new SplittableRandom(2026));
        try (PrintWriter lines = writer(out.resolve("overthinking.jsonl"))) {
            SplittableRandom random = new SplittableRandom(7);
            for (Problem p : problems) {
                for (int i = 0; i < SAMPLES; i++) {
                    lines.println(record(p, i, 0, trace(p, story(p, random), random)));
                }
            }
        }
        try (PrintWriter lines = writer(out.resolve("rounds.jsonl"))) {
            SplittableRandom random = new SplittableRandom(11);
            for (Problem p : problems) {
                for (int i = 0; i < ROUND_SAMPLES; i++) {
                    boolean right = random.nextDouble() < p.skill;
                    for (int round = 1; round <= ROUNDS; round++) {
                        String text;
                        if (round == 1) {
                            text = trace(p, right ? Story.CONCISE : Story.WRONG, random);
                        } else {
                            // Think Twice: re-answering with the last answer in view; some right answers are talked
                            // out of, some wrong ones repaired
                            boolean before = right;
                            right = before ? random.nextDouble() > 0.22 : random.nextDouble() < 0.3;
                            text = again(p, before, right, random);
                        }
                        lines.println(record(p, i, round, text));
                    }
                }
            }
        }
        Files.writeString(out.resolve("tiny-r1-synthetic-mcts.json"), mcts(problems.get(5), new SplittableRandom(3)));
    }

    /** A word problem: crates of jars and loose jars; the slips are forgetting or subtracting the loose ones. */
    private record Problem(int id, int crates, int perCrate, int loose, double skill) {
        int gold() {
            return crates * perCrate + loose;
        }

        int product() {
            return crates * perCrate;
        }

        /** The wrong answer most slips give, so a hard problem's vote has a close runner-up. */
        int slip() {
            return product() - loose;
        }

        String question() {
            return String.format(
                    Locale.ROOT,
                    "A warehouse packs %d crates with %d jars in each and keeps %d loose jars on a shelf. "
                            + "How many jars does it hold in all?",
                    crates,
                    perCrate,
                    loose);
        }
    }

    private static List<Problem> problems(SplittableRandom random) {
        List<Problem> problems = new ArrayList<>();
        for (int p = 0; p < PROBLEMS; p++) {
            // a third easy, a third medium, a third hard (where slips nearly win the vote)
            double skill = p % 3 == 0 ? 0.9 : p % 3 == 1 ? 0.7 : 0.5;
            problems.add(new Problem(p + 1, 12 + random.nextInt(80), 3 + random.nextInt(9), 5 + random.nextInt(40), skill));
        }
        return problems;
    }

    /** What happens in a sample, the way R1-style models behave on such problems. */
    private enum Story {
        /** Right at once, then thousands of tokens re-checking a settled answer. */
        OVERTHINK,
        /** Right at once, then talked out of it: a right → wrong flip inside the trace. */
        TALKED_OUT,
        /** Wrong first, caught by a "Wait". */
        CAUGHT,
        /** The slip, kept. */
        WRONG,
        /** Right and short. */
        CONCISE
    }

    private static Story story(Problem p, SplittableRandom random) {
        if (random.nextDouble() >= p.skill) {
            return random.nextDouble() < 0.3 ? Story.TALKED_OUT : Story.WRONG;
        }
        double kind = random.nextDouble();
        return kind < 0.55 ? Story.OVERTHINK : kind < 0.75 ? Story.CAUGHT : Story.CONCISE;
    }

    private static String trace(Problem p, Story story, SplittableRandom random) {
        StringBuilder t = new StringBuilder("<think>\n");
        int answer;
        switch (story) {
            case OVERTHINK -> {
                t.append(solve(p, true));
                int checks = 25 + random.nextInt(40);
                for (int c = 0; c < checks; c++) {
                    t.append("\n\n").append(check(p, c, random));
                }
                answer = p.gold();
            }
            case TALKED_OUT -> {
                t.append(solve(p, true));
                t.append("\n\n").append(check(p, 0, random));
                t.append(String.format(Locale.ROOT, "%n%nHmm, wait. Maybe the loose jars were taken from the crates, so "
                        + "they should come off rather than be added: %d - %d = %d. That reading seems more likely. "
                        + "So the answer is %d.", p.product(), p.loose, p.slip(), p.slip()));
                answer = p.slip();
            }
            case CAUGHT -> {
                t.append(solve(p, false));
                t.append(String.format(Locale.ROOT, "%n%nWait, that's not right. The loose jars are extra, on a shelf, "
                        + "so they are added: %d + %d = %d. So the answer is %d.", p.product(), p.loose, p.gold(),
                        p.gold()));
                for (int c = 0; c < 2 + random.nextInt(4); c++) {
                    t.append("\n\n").append(check(p, c, random));
                }
                answer = p.gold();
            }
            case WRONG -> {
                t.append(solve(p, false));
                t.append(String.format(Locale.ROOT, "%n%nLet me double-check: %d × %d = %d, and taking the %d loose jars "
                        + "away leaves %d.", p.crates, p.perCrate, p.product(), p.loose, p.slip()));
                answer = p.slip();
            }
            default -> {
                t.append(solve(p, true));
                answer = p.gold();
            }
        }
        t.append("\n</think>\n\nThe warehouse holds ").append(answer).append(" jars.\n\n\\boxed{").append(answer).append('}');
        return t.toString();
    }

    private static String solve(Problem p, boolean right) {
        return String.format(
                Locale.ROOT,
                "First the jars in crates: %d crates × %d jars = %d. Then the %d loose jars: %d %s %d = %d. "
                        + "So the answer is %d.",
                p.crates,
                p.perCrate,
                p.product(),
                p.loose,
                p.product(),
                right ? "+" : "-",
                p.loose,
                right ? p.gold() : p.slip(),
                right ? p.gold() : p.slip());
    }

    /** One more round of re-checking a settled answer, in one of the ways such traces do it. */
    private static String check(Problem p, int c, SplittableRandom random) {
        int tens = p.perCrate * (p.crates / 10 * 10);
        int ones = p.perCrate * (p.crates % 10);
        return switch ((c + random.nextInt(5)) % 5) {
            case 0 -> String.format(Locale.ROOT, "Wait, let me double-check the multiplication. %d × %d: %d × %d = %d "
                    + "and %d × %d = %d, so %d + %d = %d. Adding the %d loose jars gives %d. So the answer is %d.",
                    p.crates, p.perCrate, p.crates / 10 * 10, p.perCrate, tens, p.crates % 10, p.perCrate, ones,
                    tens, ones, p.product(), p.loose, p.gold(), p.gold());
            case 1 -> String.format(Locale.ROOT, "Hmm, let me verify by working backwards: %d - %d = %d, and %d ÷ %d = "
                    + "%d crates. That matches the problem. Yes, %d.", p.gold(), p.loose, p.product(), p.product(),
                    p.perCrate, p.crates, p.gold());
            case 2 -> String.format(Locale.ROOT, "Alternatively, count crate by crate: each crate holds %d jars, %d "
                    + "crates hold %d, and the shelf adds %d, which is %d altogether. The answer is %d.",
                    p.perCrate, p.crates, p.product(), p.loose, p.gold(), p.gold());
            case 3 -> String.format(Locale.ROOT, "But wait, is there anything tricky here? The loose jars are on a "
                    + "shelf, not in a crate, so nothing is counted twice, and no jar is said to be broken or sold. "
                    + "I'm fairly sure it is %d.", p.gold());
            default -> String.format(Locale.ROOT, "Let me re-read the question once more. \"%s\" Crates times jars "
                    + "per crate, plus the loose ones: %d × %d + %d = %d.", p.question(), p.crates, p.perCrate,
                    p.loose, p.gold());
        };
    }

    /** A later round of Think Twice: the previous answer in view, kept, repaired or abandoned. */
    private static String again(Problem p, boolean wasRight, boolean isRight, SplittableRandom random) {
        int before = wasRight ? p.gold() : p.slip();
        int now = isRight ? p.gold() : p.slip();
        StringBuilder t = new StringBuilder("<think>\nMy previous answer was ").append(before).append(". ");
        if (wasRight && !isRight) {
            t.append(String.format(Locale.ROOT, "Hmm, on reflection the loose jars may have come out of the crates: "
                    + "%d - %d = %d. I'll change my answer to %d.", p.product(), p.loose, p.slip(), p.slip()));
        } else if (!wasRight && isRight) {
            t.append(String.format(Locale.ROOT, "Wait, the loose jars are extra, so they are added, not taken away: "
                    + "%d + %d = %d. So the answer is %d.", p.product(), p.loose, p.gold(), p.gold()));
        } else {
            t.append("Let me check it again. ").append(isRight ? check(p, random.nextInt(5), random) : String.format(
                    Locale.ROOT, "%d × %d = %d, minus %d loose jars is %d. I'll keep it.", p.crates, p.perCrate,
                    p.product(), p.loose, p.slip()));
        }
        return t.append("\n</think>\n\n\\boxed{").append(now).append('}').toString();
    }

    /** A search over the problem's two steps: the product, then the loose jars; Q settles as rollouts come in. */
    private static String mcts(Problem p, SplittableRandom random) {
        List<String> steps = new ArrayList<>(); // node id → its step's text
        List<Integer> parent = new ArrayList<>();
        List<Double> q = new ArrayList<>();
        List<Integer> visits = new ArrayList<>();
        List<Boolean> good = new ArrayList<>();
        steps.add(null);
        parent.add(-1);
        q.add(0.0);
        visits.add(0);
        good.add(true);
        String[][] options = {
            {crate(p, p.product()), crate(p, p.product() + 10), crate(p, p.product() - p.perCrate)},
            {String.format(Locale.ROOT, "Step 2: add the %d loose jars.", p.loose),
                String.format(Locale.ROOT, "Step 2: subtract the %d loose jars.", p.loose),
                String.format(Locale.ROOT, "Step 2: the %d loose jars are in the crates already.", p.loose)},
            {"Step 3: check by working backwards, then answer.", "Step 3: answer at once."}
        };
        StringBuilder logs = new StringBuilder("{\"logs\": [");
        for (int iteration = 1; iteration <= MCTS_ITERATIONS; iteration++) {
            // select: descend by UCT; expand: one untried option; simulate: a reward for the leaf; back up the mean
            int node = 0;
            int depth = 0;
            while (depth < options.length) {
                List<Integer> children = childrenOf(parent, node);
                if (children.size() < options[depth].length) {
                    int option = children.size();
                    steps.add(options[depth][option]);
                    parent.add(node);
                    q.add(0.0);
                    visits.add(0);
                    good.add(good.get(node) && (option == 0 || depth == 2)); // either last step keeps a right path
                    node = steps.size() - 1;
                    depth++;
                    break;
                }
                int best = children.get(0);
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int child : children) {
                    double score = q.get(child) + 1.2 * Math.sqrt(Math.log(visits.get(node) + 1) / (visits.get(child) + 1));
                    if (score > bestScore) {
                        bestScore = score;
                        best = child;
                    }
                }
                node = best;
                depth++;
            }
            double reward = Math.min(1, Math.max(0, (good.get(node) ? 0.8 : 0.25) + (random.nextDouble() - 0.5) * 0.4));
            for (int at = node; at >= 0; at = parent.get(at)) {
                visits.set(at, visits.get(at) + 1);
                q.set(at, q.get(at) + (reward - q.get(at)) / visits.get(at));
            }
            logs.append(iteration == 1 ? "\n" : ",\n").append(snapshot(steps, parent, q));
        }
        return logs.append("\n]}\n").toString();
    }

    private static String crate(Problem p, int product) {
        return String.format(Locale.ROOT, "Step 1: %d crates × %d jars = %d.", p.crates, p.perCrate, product);
    }

    private static List<Integer> childrenOf(List<Integer> parent, int node) {
        List<Integer> children = new ArrayList<>();
        for (int i = 0; i < parent.size(); i++) {
            if (parent.get(i) == node) {
                children.add(i);
            }
        }
        return children;
    }

    /** One TreeLog snapshot: nodes with their path of steps, edges with Q and reward. */
    private static String snapshot(List<String> steps, List<Integer> parent, List<Double> q) {
        StringBuilder nodes = new StringBuilder();
        StringBuilder edges = new StringBuilder();
        for (int id = 0; id < steps.size(); id++) {
            List<String> path = new ArrayList<>();
            for (int at = id; at > 0; at = parent.get(at)) {
                path.add(0, steps.get(at));
            }
            Map<String, String> data = new LinkedHashMap<>();
            for (int s = 0; s < path.size(); s++) {
                data.put(String.valueOf(s), path.get(s));
            }
            StringBuilder dataJson = new StringBuilder("{");
            data.forEach((key, value) -> dataJson.append(dataJson.length() > 1 ? ", " : "")
                    .append(json(key)).append(": ").append(json(value)));
            nodes.append(id == 0 ? "" : ", ").append(String.format(
                    Locale.ROOT, "\"%d\": {\"id\": %d, \"data\": %s}", id, id, dataJson.append('}')));
            if (id > 0) {
                edges.append(id == 1 ? "" : ", ").append(String.format(Locale.ROOT,
                        "\"%d\": {\"id\": %d, \"source\": %d, \"target\": %d, \"data\": {\"Q\": %.4f, \"reward\": %.4f}}",
                        id - 1, id - 1, parent.get(id), id, q.get(id), q.get(id)));
            }
        }
        return "{\"nodes\": {" + nodes + "}, \"edges\": {" + edges + "}}";
    }

    private static String record(Problem p, int index, int round, String text) {
        return "{\"problem_id\": " + json("synthetic/" + String.format(Locale.ROOT, "%03d", p.id)) + ", \"question\": "
                + json(p.question()) + ", \"gold\": " + json(String.valueOf(p.gold())) + ", \"sample_index\": " + index
                + (round > 0 ? ", \"round\": " + round : "") + ", \"response\": " + json(text) + "}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static PrintWriter writer(Path file) throws IOException {
        return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }
}
