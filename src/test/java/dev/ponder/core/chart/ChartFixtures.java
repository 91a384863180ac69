package dev.ponder.core.chart;

import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs for chart tests, imported through Ponder's own JSONL format: the shipped sample run, a two-round run and
 * a budget sweep of three runs, with verdicts chosen so that the figures can be worked out by hand.
 */
final class ChartFixtures {
    /** The sample run: 6 problems of 4 samples with tokens and PRM scores. */
    static final Path SAMPLE_RUN = Path.of("sample-runs/tiny-arith-best-of-4.jsonl");

    private ChartFixtures() {}

    static long sampleRun(Workspace workspace) {
        return importFile(workspace, SAMPLE_RUN);
    }

    /**
     * Three problems of two samples over two rounds. Round 1: (right, wrong), (wrong, wrong), (right, right);
     * round 2: (right, right), (right, wrong), (wrong, right). So 3/6 then 4/6 right; from round 1 to 2 two chains
     * stayed right, two went wrong → right, one right → wrong, one stayed wrong.
     */
    static long twoRounds(Workspace workspace, Path dir) {
        boolean[][][] verdicts = {
            {{true, false}, {false, false}, {true, true}},
            {{true, true}, {true, false}, {false, true}}
        };
        List<String> lines = new ArrayList<>();
        lines.add(header("two rounds", "multi-round", "{}"));
        for (int p = 0; p < 3; p++) {
            lines.add(problem("mr/" + p, String.valueOf(p + 10)));
        }
        for (int round = 0; round < 2; round++) {
            for (int p = 0; p < 3; p++) {
                for (int i = 0; i < 2; i++) {
                    boolean right = verdicts[round][p][i];
                    lines.add(sample(
                            "mr/" + p, i, round, right ? String.valueOf(p + 10) : "99", right, 100 + 10 * i, null));
                }
            }
        }
        return importLines(workspace, dir, "two-rounds.jsonl", lines);
    }

    /** Budgets 1024, 256 and 512 (imported in that order), two problems of two samples: 3, 1 and 2 of 4 right. */
    static List<Long> budgetSweep(Workspace workspace, Path dir) {
        List<Long> runs = new ArrayList<>();
        int[][] cases = {{1024, 3}, {256, 1}, {512, 2}};
        for (int[] entry : cases) {
            int budget = entry[0];
            List<String> lines = new ArrayList<>();
            lines.add(header(
                    "budget " + budget,
                    "budget-forcing",
                    String.format(Locale.ROOT, "{\"budget\": \"%d\", \"group\": \"sweep\"}", budget)));
            lines.add(problem("sw/0", "7"));
            lines.add(problem("sw/1", "8"));
            for (int s = 0; s < 4; s++) {
                boolean right = s < entry[1];
                String key = "sw/" + (s / 2);
                String gold = s / 2 == 0 ? "7" : "8";
                lines.add(sample(key, s % 2, 0, right ? gold : "5", right, budget / 2 + s, null));
            }
            runs.add(importLines(workspace, dir, "budget_" + budget + ".jsonl", lines));
        }
        return runs;
    }

    static String header(String name, String strategy, String params) {
        return String.format(
                Locale.ROOT,
                "{\"format\": \"ponder-run\", \"version\": 1, \"run\": {\"name\": \"%s\", "
                        + "\"model\": \"fixture\", \"strategy\": \"%s\", \"params\": %s, \"grader\": \"file labels\"}}",
                name,
                strategy,
                params);
    }

    static String problem(String key, String gold) {
        return String.format(
                Locale.ROOT,
                "{\"type\": \"problem\", \"key\": \"%s\", \"question\": \"Q %s\", \"gold\": \"%s\"}",
                key,
                key,
                gold);
    }

    static String sample(String problem, int index, int round, String answer, boolean right, int tokens, Double score) {
        String thinking = "Let me compute.\\n\\nWait, check it. So " + answer + ".";
        String text = "<think>\\n" + thinking + "\\n</think>\\n\\n\\\\boxed{" + answer + "}";
        int end = 7 + 1 + thinking.replace("\\n", "\n").length();
        return String.format(
                Locale.ROOT,
                "{\"type\": \"sample\", \"problem\": \"%s\", \"index\": %d, \"round\": %d, "
                        + "\"text\": \"%s\", \"thinking\": {\"start\": 8, \"end\": %d}, \"correct\": %s, "
                        + "\"tokens\": {\"total\": %d, \"thinking\": %d}, \"score\": %s, "
                        + "\"answer\": {\"text\": \"\\\\boxed{%s}\", \"extracted\": \"%s\", \"key\": \"%s\"}}",
                problem,
                index,
                round,
                text,
                end,
                right,
                tokens + 5,
                tokens,
                score == null ? "null" : score.toString(),
                answer,
                answer,
                answer);
    }

    static long importLines(Workspace workspace, Path dir, String name, List<String> lines) {
        try {
            return importFile(workspace, Files.write(dir.resolve(name), lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long importFile(Workspace workspace, Path file) {
        return new Importer(workspace)
                .importFile(file, ImportOptions.DEFAULT, TaskContext.NONE)
                .runId();
    }
}
