package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.Graders;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every strategy, against each engine's wire format, under a seeded random mix of every fault a real server shows
 * (stalls after the headers and mid-stream, streams cut without finishing, resets, connections closed without a byte,
 * 429 with and without Retry-After, 5xx, slow first bytes; and no /tokenize where the engine has none): the stored
 * runs equal those made against a clean server — the same samples, the same token counts, nothing missing, nothing
 * stored twice.
 */
class FaultMixTest {
    private static final Duration IDLE = Duration.ofMillis(300);
    private static final Pattern SEED = Pattern.compile("\"seed\":(\\d+)");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(LoopbackServer.Flavor.class)
    void everyStrategyStoresUnderFaultsWhatItStoresAgainstACleanServer(LoopbackServer.Flavor flavor) throws Exception {
        try (Workspace clean = workspace("clean");
                Workspace faulty = workspace("faulty");
                LoopbackServer good = new LoopbackServer(LoopbackServer.Flavor.VLLM, IDLE.multipliedBy(3), 1);
                LoopbackServer bad = new LoopbackServer(flavor, IDLE.multipliedBy(3), 20_261_202L)) {
            bad.failing(0.15);
            for (Strategy strategy : Strategy.values()) {
                List<Run> expected = replay(clean, good, strategy);
                List<Run> got = replay(faulty, bad, strategy);
                assertThat(got).as(strategy + ": as many runs").hasSameSizeAs(expected);
                for (int i = 0; i < got.size(); i++) {
                    if (strategy == Strategy.FIRST_FINISH) {
                        assertFirstFinish(faulty, got.get(i), clean, expected.get(i));
                    } else {
                        assertThat(stored(faulty, got.get(i)))
                                .as(flavor + ", " + strategy + ": the same samples as against a clean server")
                                .isEqualTo(stored(clean, expected.get(i)));
                    }
                }
            }
            assertThat(bad.injected().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .as("faults were injected: " + bad.injected())
                    .isGreaterThan(20);
        }
    }

    /** The strategies, each as a replay of the original run's two problems. */
    enum Strategy {
        SAMPLING,
        BUDGET_SWEEP_WITH_EXTENSIONS,
        MULTI_ROUND,
        FIRST_FINISH,
        BRANCH
    }

    private List<Run> replay(Workspace w, LoopbackServer server, Strategy strategy) throws Exception {
        Run original = w.read(tables -> tables.runs().summaries().stream()
                .map(s -> s.run())
                .filter(r -> r.name().equals("original"))
                .findFirst()
                .orElseThrow());
        List<Problem> problems = w.read(tables -> tables.problems().ofRun(original.id()));
        BudgetForcing.Params forcing = ReplayPlanDefaults.forcing(strategy == Strategy.BUDGET_SWEEP_WITH_EXTENSIONS);
        ReplayRequest request = switch (strategy) {
            case SAMPLING ->
                request(strategy, ReplayStrategy.SAMPLING, original, problems, List.of(), 2, 1, forcing, null);
            case BUDGET_SWEEP_WITH_EXTENSIONS ->
                request(
                        strategy,
                        ReplayStrategy.BUDGET_FORCING,
                        original,
                        problems,
                        List.of(16, 48),
                        2,
                        1,
                        forcing,
                        null);
            case MULTI_ROUND ->
                request(strategy, ReplayStrategy.MULTI_ROUND, original, problems, List.of(), 1, 3, forcing, null);
            case FIRST_FINISH ->
                request(strategy, ReplayStrategy.FIRST_FINISH, original, problems, List.of(), 3, 1, forcing, null);
            case BRANCH -> {
                Sample source = samples(w, original.id()).get(0);
                BranchOrigin origin = BranchOrigin.of(
                        problems.get(0),
                        source,
                        w.read(tables -> tables.samples().segments(source.id())),
                        source.text().indexOf("carry"),
                        "</think>",
                        "original, sample " + source.id());
                yield request(strategy, ReplayStrategy.BRANCH, original, List.of(), List.of(), 3, 1, forcing, origin);
            }
        };
        OpenAiCompatible model = new OpenAiCompatible(new OpenAiCompatible.Connection(
                URI.create(server.url()), "scripted", null, Duration.ofSeconds(5), 6, Duration.ofMillis(20), IDLE));
        ReplayPreflight.check(request, model);
        WorkspaceReplay.Outcome outcome = new WorkspaceReplay(
                        w, dir.resolve("journals-" + w.file().getFileName()), Graders.MATH)
                .run(request, model, PromptTemplate.CHATML, LiveText.NONE, TaskContext.NONE);
        assertThat(outcome.failures()).as(strategy + " against " + server.url()).isEmpty();
        List<Run> runs = new ArrayList<>();
        for (long id : outcome.runIds()) {
            runs.add(w.read(tables -> tables.runs().find(id)).orElseThrow());
        }
        return runs;
    }

    private static ReplayRequest request(
            Strategy name,
            ReplayStrategy strategy,
            Run original,
            List<Problem> problems,
            List<Integer> budgets,
            int samples,
            int rounds,
            BudgetForcing.Params forcing,
            BranchOrigin origin) {
        return new ReplayRequest(
                name.name(),
                strategy,
                problems,
                budgets,
                samples,
                rounds,
                forcing,
                0.8,
                1.0,
                7,
                4,
                origin,
                original,
                false);
    }

    /** What decides a run's samples, in a comparable form: per sample, its place, text, counts and ending. */
    private static Map<String, String> stored(Workspace w, Run run) {
        Map<String, String> each = new TreeMap<>();
        for (Sample s : samples(w, run.id())) {
            String key = problemKey(w, s) + "#" + s.index() + "/r" + s.round() + "/b" + s.budget()
                    + (s.parentSampleId() == null ? "" : "/child");
            String value = s.text() + " | thinking " + s.tokens().thinking() + " | total "
                    + s.tokens().total() + " | " + s.finishReason() + " | "
                    + s.answer().text() + " | " + s.correct();
            assertThat(each.put(key, value))
                    .as("no sample stored twice: " + key)
                    .isNull();
        }
        return each;
    }

    /** First Finish Search keeps whichever sample finished first; it must be exactly what its seed gives. */
    private static void assertFirstFinish(Workspace faultyW, Run faulty, Workspace cleanW, Run clean) {
        List<Sample> got = samples(faultyW, faulty.id());
        assertThat(got).hasSize(2).allSatisfy(s -> assertThat(s.finishReason()).isEqualTo("stop"));
        assertThat(samples(cleanW, clean.id())).hasSize(2);
        for (Sample s : got) {
            Matcher seed = SEED.matcher(s.metaJson());
            assertThat(seed.find()).as(s.metaJson()).isTrue();
            String expected = "<think>\n"
                    + ScriptedReasoner.STANDARD
                            .continueFrom(
                                    ScriptedReasoner.ASSISTANT + "<think>\n",
                                    Long.parseLong(seed.group(1)),
                                    10_000,
                                    List.of(ScriptedReasoner.END_OF_TURN))
                            .text();
            assertThat(s.text()).isEqualTo(expected);
        }
    }

    private static String problemKey(Workspace w, Sample s) {
        return w.read(tables ->
                tables.problems().byIds(new long[] {s.problemId()}).get(0).key());
    }

    private static List<Sample> samples(Workspace w, long runId) {
        return w.read(tables -> {
            List<Sample> all = new ArrayList<>();
            for (Problem p : tables.problems().ofRun(runId)) {
                all.addAll(tables.samples().ofProblem(runId, p.id()));
            }
            return all;
        });
    }

    private Workspace workspace(String name) throws Exception {
        Path file = dir.resolve(name + ".jsonl");
        Files.writeString(file, """
                {"format":"ponder-run","version":1,"run":{"name":"original","model":"scripted"}}
                {"type":"problem","key":"arith/1","question":"What is 58 + 67?","gold":"5"}
                {"type":"problem","key":"arith/2","question":"What is 346 * 7?","gold":"6"}
                {"type":"sample","problem":"arith/1","text":"<think>\\n58 + 67: 8 + 7 = 15, write 5 carry 1.\\n</think>\\n\\\\boxed{125}","thinking":{"start":8,"end":49}}
                {"type":"sample","problem":"arith/2","text":"<think>\\n346 * 7\\n</think>\\n\\\\boxed{2422}","thinking":{"start":8,"end":16}}
                """);
        Workspace workspace = Workspace.create(dir.resolve(name + ".ponder"));
        new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
        return workspace;
    }

    /** Budget forcing's settings: one extension with "Wait" for the sweep, none otherwise. */
    private static final class ReplayPlanDefaults {
        static BudgetForcing.Params forcing(boolean extended) {
            return new BudgetForcing.Params(0, extended ? 1 : 0, "Wait", 0, "Final Answer:", 64, 256);
        }
    }
}
