package dev.ponder.core.bench;

import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.replay.BudgetForcing;
import dev.ponder.core.replay.Generation;
import dev.ponder.core.replay.GenerationRequest;
import dev.ponder.core.replay.LoopbackServer;
import dev.ponder.core.replay.ModelBackend;
import dev.ponder.core.replay.OpenAiCompatible;
import dev.ponder.core.replay.ProblemsFile;
import dev.ponder.core.replay.PromptTemplate;
import dev.ponder.core.replay.ReplayRequest;
import dev.ponder.core.replay.ReplayStrategy;
import dev.ponder.core.replay.ScriptedReasoner;
import dev.ponder.core.replay.WorkspaceReplay;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replay against servers that fail the way real ones do, end to end into a workspace: many samples at once under a
 * random mix of faults (how many tokens a second, and whether any sample is lost, wrong or stored twice), how soon a
 * stalled stream is noticed and tried again, and a pool of three servers one of which dies halfway.
 */
public final class ReplayFaultsBenchmark {
    private static final Pattern SEED = Pattern.compile("\"seed\":(\\d+)");

    private ReplayFaultsBenchmark() {}

    /** What a replay under faults stored, against what it should have. */
    public record Result(
            int expected,
            int stored,
            int lost,
            int wrong,
            int duplicated,
            long tokens,
            Duration elapsed,
            Map<LoopbackServer.Fault, Integer> injected,
            int completions) {
        public double tokensPerSecond() {
            return tokens / (elapsed.toNanos() / 1e9);
        }

        public int faults() {
            return injected.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * A sampling replay of {@code problems} x {@code samples}, {@code concurrency} at once, each sample thinking about
     * {@code thought} tokens, against one loopback vLLM failing {@code rate} of its requests.
     */
    public static Result underFaults(
            Path dir, int problems, int samples, int concurrency, int thought, double rate, Duration idle)
            throws Exception {
        ScriptedReasoner model = new ScriptedReasoner(thought, Math.max(1, thought / 4));
        try (LoopbackServer server =
                new LoopbackServer(LoopbackServer.Flavor.VLLM, model, idle.multipliedBy(2), 20_261_202L)) {
            server.failing(rate);
            return replay(
                    dir.resolve("faults"), model, problems, samples, concurrency, thought, idle, List.of(server), null);
        }
    }

    /** 200 samples over three loopback servers; the second dies once half the expected requests are served. */
    public static Result poolWithADeath(Path dir, Duration idle) throws Exception {
        ScriptedReasoner model = ScriptedReasoner.STANDARD;
        try (LoopbackServer a = new LoopbackServer(LoopbackServer.Flavor.VLLM, model, idle, 1);
                LoopbackServer b = new LoopbackServer(LoopbackServer.Flavor.VLLM, model, idle, 2);
                LoopbackServer c = new LoopbackServer(LoopbackServer.Flavor.VLLM, model, idle, 3)) {
            Thread killer = LoopbackServer.killWhen(b, 1000, List.of(a, b, c));
            return replay(dir.resolve("pool"), model, 100, 2, 24, 128, idle, List.of(a, b, c), killer);
        }
    }

    /** How long one stream that stalls right after its headers takes to be noticed, tried again and finished. */
    public static Duration stallNoticedIn(Duration idle) throws Exception {
        try (LoopbackServer server =
                new LoopbackServer(LoopbackServer.Flavor.VLLM, ScriptedReasoner.STANDARD, idle.multipliedBy(5), 1)) {
            server.failNext(LoopbackServer.Fault.STALL_AFTER_HEADERS);
            OpenAiCompatible model = connect(List.of(server), idle);
            GenerationRequest ask =
                    new GenerationRequest("<|im_start|>assistant\n<think>\n", 256, 0.8, 1.0, 7, List.of("</think>"));
            long start = System.nanoTime();
            Generation g = model.generate(ask, ModelBackend.TextStream.NONE, () -> false);
            if (g.tokens() == 0) {
                throw new IllegalStateException("the retried stream brought nothing");
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }
    }

    private static Result replay(
            Path dir,
            ScriptedReasoner model,
            int problems,
            int samples,
            int concurrency,
            int thought,
            Duration idle,
            List<LoopbackServer> servers,
            Thread killer)
            throws Exception {
        Files.createDirectories(dir);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < problems; i++) {
            lines.append("{\"key\":\"p")
                    .append(i)
                    .append("\",\"question\":\"What is ")
                    .append(i)
                    .append("?\",\"gold\":\"5\"}\n");
        }
        List<Problem> chosen = ProblemsFile.read(Files.writeString(dir.resolve("problems.jsonl"), lines));
        Path file = dir.resolve("replay-" + System.nanoTime() + ".ponder");
        try (Workspace w = Workspace.create(file)) {
            ReplayRequest request = new ReplayRequest(
                    "faults",
                    ReplayStrategy.SAMPLING,
                    chosen,
                    List.of(),
                    samples,
                    1,
                    new BudgetForcing.Params(0, 0, "Wait", 0, "Final Answer:", 64, 4 * thought + 256),
                    0.8,
                    1.0,
                    7,
                    concurrency,
                    null,
                    null,
                    false);
            long start = System.nanoTime();
            WorkspaceReplay.Outcome outcome = new WorkspaceReplay(
                            w, dir.resolve("journals-" + System.nanoTime()), Graders.MATH)
                    .run(request, connect(servers, idle), PromptTemplate.CHATML, LiveText.NONE, TaskContext.NONE);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (killer != null) {
                killer.join(1000);
            }
            Map<String, Integer> seen = new HashMap<>();
            int wrong = 0;
            long tokens = 0;
            List<Sample> stored = new ArrayList<>();
            for (long runId : outcome.runIds()) {
                stored.addAll(w.read(tables -> {
                    List<Sample> all = new ArrayList<>();
                    for (Problem p : tables.problems().ofRun(runId)) {
                        all.addAll(tables.samples().ofProblem(runId, p.id()));
                    }
                    return all;
                }));
            }
            for (Sample s : stored) {
                seen.merge(s.problemId() + "#" + s.index(), 1, Integer::sum);
                tokens += s.tokens().total() == null ? 0 : s.tokens().total();
                Matcher seed = SEED.matcher(s.metaJson());
                String expected = seed.find()
                        ? "<think>\n"
                                + model.continueFrom(
                                                "<|im_start|>assistant\n<think>\n",
                                                Long.parseLong(seed.group(1)),
                                                1_000_000,
                                                List.of("<|im_end|>"))
                                        .text()
                        : null;
                if (!s.text().equals(expected)) {
                    wrong++;
                }
            }
            int duplicated = seen.values().stream().mapToInt(n -> n - 1).sum();
            int expectedCount = problems * samples;
            Map<LoopbackServer.Fault, Integer> injected = new HashMap<>();
            int completions = 0;
            for (LoopbackServer server : servers) {
                server.injected().forEach((f, n) -> injected.merge(f, n, Integer::sum));
                completions += server.completions();
            }
            return new Result(
                    expectedCount,
                    stored.size(),
                    expectedCount - seen.size(),
                    wrong,
                    duplicated,
                    tokens,
                    elapsed,
                    injected,
                    completions);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static OpenAiCompatible connect(List<LoopbackServer> servers, Duration idle) {
        return new OpenAiCompatible(new OpenAiCompatible.Connection(
                servers.stream().map(s -> URI.create(s.url())).toList(),
                "scripted",
                null,
                Duration.ofSeconds(30),
                6,
                Duration.ofMillis(200),
                idle));
    }
}
