package dev.ponder.core.bench;

import dev.ponder.core.chart.ChartKind;
import dev.ponder.core.chart.ChartSpec;
import dev.ponder.core.compute.ComputeReport;
import dev.ponder.core.compute.ComputeRequest;
import dev.ponder.core.compute.CostAxis;
import dev.ponder.core.compute.CostSettings;
import dev.ponder.core.compute.ModelShapes;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.TaskContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Times what the Compute window does after a change of cost axis or bins, on a synthetic comparison of many runs of
 * the same problems (strategies × budgets: 1 to 16 samples, budgets 256 to 8,192 thinking tokens): the report and
 * the frontier chart's numbers, first with each run's per-problem figures worked out, then after each change.
 */
public final class ComputeBenchmark {
    private static final int[] SAMPLES = {1, 4, 8, 16};
    private static final int[] BUDGETS = {256, 512, 1024, 2048, 4096, 8192};

    private ComputeBenchmark() {}

    public static void run(int runs, int problems, Path directory, PrintWriter out) throws IOException {
        Path dir = directory.resolve("compute-" + runs + "x" + problems);
        Files.createDirectories(dir);
        Path workspaceFile = dir.resolve("compute.ponder");
        boolean fresh = !Files.exists(workspaceFile);
        try (WorkspaceServices workspace = WorkspaceServices.openOrCreate(workspaceFile, new PonderHome(dir))) {
            if (fresh) {
                long started = System.nanoTime();
                for (int r = 0; r < runs; r++) {
                    Path file = write(dir, r, problems);
                    workspace.imports().importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
                    Files.delete(file);
                }
                out.printf(
                        Locale.ROOT, "imported %d runs of %d problems in %.1f s%n", runs, problems, seconds(started));
            }
            List<Long> ids = workspace.runs().summaries().stream()
                    .map(summary -> summary.run().id())
                    .toList();
            ComputeRequest request = ComputeRequest.of(ids);
            time(out, "first (per-problem figures worked out)", workspace, request);
            time(out, "again, same choices", workspace, request);
            time(
                    out,
                    "cost axis → samples",
                    workspace,
                    request.withCost(CostSettings.DEFAULT.withAxis(CostAxis.SAMPLES)));
            time(
                    out,
                    "cost axis → eflops (Qwen2.5-7B)",
                    workspace,
                    request.withCost(new CostSettings(
                            CostAxis.EFLOPS,
                            ModelShapes.named("Qwen2.5-7B"),
                            CostSettings.B200_INTENSITY,
                            0,
                            0,
                            null)));
            time(out, "bins → liu", workspace, request.withBins("liu"));
            time(out, "bins → 0.2,0.4,0.6,0.8", workspace, request.withBins("0.2,0.4,0.6,0.8"));
        }
    }

    private static void time(PrintWriter out, String what, WorkspaceServices workspace, ComputeRequest request) {
        long started = System.nanoTime();
        ComputeReport report = workspace.compute().analyse(request);
        double analysis = seconds(started);
        long drawn = System.nanoTime();
        workspace
                .charts()
                .draw(ChartSpec.of(ChartKind.FRONTIER, request.runs()).withCompute(request), TaskContext.NONE);
        double chart = seconds(drawn);
        out.printf(
                Locale.ROOT,
                "%-40s report %.3f s, frontier chart %.3f s, together %.3f s (%d runs, %d shared problems, %d bins)%n",
                what,
                analysis,
                chart,
                analysis + chart,
                report.frontier().runs().size(),
                report.shared(),
                report.frontier().bins().size());
        out.flush();
    }

    /** Run r: a strategy (samples per problem) at a budget, its accuracy rising with both, as Ponder JSONL. */
    private static Path write(Path dir, int r, int problems) throws IOException {
        int samples = SAMPLES[r % SAMPLES.length];
        int budget = BUDGETS[(r / SAMPLES.length) % BUDGETS.length];
        SplittableRandom random = new SplittableRandom(r * 7919L + 1);
        Path file = dir.resolve(String.format(Locale.ROOT, "run-%03d.jsonl", r));
        Function<Integer, String> gold = p -> String.valueOf(p * 7 + 3);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(String.format(
                    Locale.ROOT,
                    "{\"format\":\"ponder-run\",\"version\":1,\"run\":{\"name\":\"run %03d: %d samples at %d\","
                            + "\"model\":\"Qwen2.5-7B-Instruct\",\"params\":{\"budget\":\"%d\",\"group\":\"%d samples\"}}}%n",
                    r,
                    samples,
                    budget,
                    budget,
                    samples));
            for (int p = 0; p < problems; p++) {
                String key = "bench/" + p;
                out.write(String.format(
                        Locale.ROOT,
                        "{\"type\":\"problem\",\"key\":\"%s\",\"question\":\"What is %d times 7 plus 3?\",\"gold\":\"%s\"}%n",
                        key,
                        p,
                        gold.apply(p)));
                double easiness = (double) p / problems;
                double chance = Math.min(0.95, easiness * (0.4 + 0.1 * Math.log(budget / 256.0 + 1)));
                for (int i = 0; i < samples; i++) {
                    boolean right = random.nextDouble() < chance;
                    String answer = right ? gold.apply(p) : String.valueOf(random.nextInt(5));
                    int thinking = (int) (budget * (0.3 + 0.7 * random.nextDouble()));
                    out.write(String.format(
                            Locale.ROOT,
                            "{\"type\":\"sample\",\"problem\":\"%s\",\"index\":%d,\"text\":\"<think>...</think> \\\\boxed{%s}\","
                                    + "\"answer\":{\"extracted\":\"%s\",\"key\":\"%s\"},\"correct\":%b,"
                                    + "\"tokens\":{\"total\":%d,\"thinking\":%d}}%n",
                            key,
                            i,
                            answer,
                            answer,
                            answer,
                            right,
                            thinking + 20,
                            thinking));
                }
            }
        }
        return file;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
