package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.answer.Graders;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.Segment;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays run on the tiny model into a workspace: new runs with provenance, linked to the run they replay. */
class WorkspaceReplayTest {
    private static final EmbeddedLlama model = TinyModel.shared();
    private static final BudgetForcing.Params FORCING =
            BudgetForcing.Params.cap(0).withExtensions(0);

    private static Workspace workspaceWithOriginal(Path dir) throws Exception {
        Path file = dir.resolve("original.jsonl");
        Files.writeString(file, """
                {"format":"ponder-run","version":1,"run":{"name":"original","model":"tiny"}}
                {"type":"problem","key":"arith/1","question":"What is 58 + 67?","gold":"125"}
                {"type":"problem","key":"arith/2","question":"What is 346 * 7?","gold":"2422"}
                {"type":"sample","problem":"arith/1","text":"<think>\\n58 + 67: 8 + 7 = 15, write 5 carry 1.\\n5 + 6 + 1 = 12.\\n</think>\\n\\\\boxed{125}","thinking":{"start":8,"end":55}}
                {"type":"sample","problem":"arith/2","text":"<think>\\n346 * 7\\n</think>\\n\\\\boxed{2422}","thinking":{"start":8,"end":16}}
                """);
        Workspace workspace = Workspace.create(dir.resolve("w.ponder"));
        new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
        return workspace;
    }

    private static Run original(Workspace w) {
        return w.read(tables -> tables.runs().summaries().get(0).run());
    }

    private static List<Problem> problems(Workspace w, long runId) {
        return w.read(tables -> tables.problems().ofRun(runId));
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

    private static ReplayRequest request(
            String name,
            ReplayStrategy strategy,
            Run original,
            List<Problem> problems,
            List<Integer> budgets,
            int samples,
            int rounds,
            BranchOrigin origin) {
        return new ReplayRequest(
                name, strategy, problems, budgets, samples, rounds, FORCING, 0.8, 1.0, 7, 2, origin, original, false);
    }

    @Test
    void aBudgetSweepMakesOneGroupedRunPerBudgetLinkedToTheOriginalAndResumesToTheSameRuns(@TempDir Path dir)
            throws Exception {
        try (Workspace w = workspaceWithOriginal(dir)) {
            Run original = original(w);
            WorkspaceReplay replay = new WorkspaceReplay(w, dir.resolve("replays"), Graders.MATH);
            ReplayRequest sweep = request(
                    "sweep",
                    ReplayStrategy.BUDGET_FORCING,
                    original,
                    problems(w, original.id()),
                    List.of(8, 32),
                    2,
                    1,
                    null);
            WorkspaceReplay.Outcome outcome =
                    replay.run(sweep, model, PromptTemplate.CHATML, LiveText.NONE, TaskContext.NONE);
            assertThat(outcome.runIds()).hasSize(2);
            assertThat(outcome.samplesRun()).isEqualTo(2 * 2 * 2);
            for (int i = 0; i < 2; i++) {
                long id = outcome.runIds().get(i);
                Run run = w.read(tables -> tables.runs().find(id)).orElseThrow();
                int budget = List.of(8, 32).get(i);
                assertThat(run.name()).isEqualTo("sweep · budget " + budget);
                assertThat(run.parentRunId()).isEqualTo(original.id());
                assertThat(run.strategy()).isEqualTo("budget-forcing");
                assertThat(run.model()).isEqualTo("tiny-reasoner.gguf");
                assertThat(run.params())
                        .containsEntry("budget", String.valueOf(budget))
                        .containsEntry("group", "sweep")
                        .containsEntry("replay_of", "original")
                        .containsEntry("seed", "7")
                        .containsEntry("template", "chatml")
                        .containsKeys("backend", "ponder_version", "temperature");
                assertThat(run.params().values()).noneMatch(v -> v.toLowerCase().contains("key"));
                assertThat(samples(w, id)).hasSize(4).allSatisfy(s -> {
                    assertThat(s.budget()).isEqualTo(budget);
                    assertThat(s.tokens().thinking()).isLessThanOrEqualTo(budget);
                    String key = w.read(tables -> tables.problems()
                            .byIds(new long[] {s.problemId()})
                            .get(0)
                            .key());
                    assertThat(s.metaJson()).contains("\"seed\":" + (ParallelSampling.problemSeed(7, key) + s.index()));
                });
            }
            WorkspaceReplay.Outcome again =
                    replay.run(sweep, model, PromptTemplate.CHATML, LiveText.NONE, TaskContext.NONE);
            assertThat(again.samplesRun()).isZero();
            assertThat(again.runIds()).isEqualTo(outcome.runIds());
        }
    }

    @Test
    void roundsAreLinkedSamplesAndEachLaterRoundIsToldOnlyThePreviousAnswer(@TempDir Path dir) throws Exception {
        try (Workspace w = workspaceWithOriginal(dir)) {
            Run original = original(w);
            ReplayRequest rounds = request(
                    "rounds",
                    ReplayStrategy.MULTI_ROUND,
                    original,
                    problems(w, original.id()).subList(0, 1),
                    List.of(),
                    1,
                    3,
                    null);
            long runId = new WorkspaceReplay(w, dir.resolve("replays"), Graders.MATH)
                    .run(rounds, model, PromptTemplate.CHATML, LiveText.NONE, TaskContext.NONE)
                    .runIds()
                    .get(0);
            List<Sample> samples = samples(w, runId);
            assertThat(samples).extracting(Sample::round).containsExactlyInAnyOrder(1, 2, 3);
            Sample first =
                    samples.stream().filter(s -> s.round() == 1).findFirst().orElseThrow();
            Sample second =
                    samples.stream().filter(s -> s.round() == 2).findFirst().orElseThrow();
            Sample third =
                    samples.stream().filter(s -> s.round() == 3).findFirst().orElseThrow();
            assertThat(first.parentSampleId()).isNull();
            assertThat(second.parentSampleId()).isEqualTo(first.id());
            assertThat(third.parentSampleId()).isEqualTo(second.id());
            String answer = first.text()
                    .substring(first.text().indexOf("</think>") + "</think>".length())
                    .strip();
            assertThat(second.metaJson())
                    .contains("The assistant's previous answer is: <answer>" + answer.replace("\\", "\\\\")
                            + "</answer>, and please re-answer.");
        }
    }

    @Test
    void firstFinishKeepsOneSamplePerProblemAndSaysHowManyWereLaunched(@TempDir Path dir) throws Exception {
        try (Workspace w = workspaceWithOriginal(dir)) {
            Run original = original(w);
            ReplayRequest ffs = request(
                    "ffs", ReplayStrategy.FIRST_FINISH, original, problems(w, original.id()), List.of(), 3, 1, null);
            long runId = new WorkspaceReplay(w, dir.resolve("replays"), Graders.MATH)
                    .run(ffs, model, PromptTemplate.CHATML, LiveText.NONE, TaskContext.NONE)
                    .runIds()
                    .get(0);
            List<Sample> samples = samples(w, runId);
            assertThat(samples).hasSize(2).allSatisfy(s -> {
                assertThat(s.metaJson()).contains("\"launched\":3");
                assertThat(s.finishReason()).isEqualTo("stop");
            });
        }
    }

    @Test
    void branchesContinueThePrefixAndHangUnderACopyOfTheirOrigin(@TempDir Path dir) throws Exception {
        try (Workspace w = workspaceWithOriginal(dir)) {
            Run original = original(w);
            Sample source = samples(w, original.id()).get(0);
            Problem problem = problems(w, original.id()).get(0);
            List<Segment> segments = w.read(tables -> tables.samples().segments(source.id()));
            int position = source.text().indexOf("5 + 6");
            BranchOrigin origin =
                    BranchOrigin.of(problem, source, segments, position, "</think>", "original, sample " + source.id());
            ReplayRequest branch =
                    request("branches", ReplayStrategy.BRANCH, original, List.of(), List.of(), 3, 1, origin);
            long runId = new WorkspaceReplay(w, dir.resolve("replays"), Graders.MATH)
                    .run(branch, model, PromptTemplate.CHATML, LiveText.NONE, TaskContext.NONE)
                    .runIds()
                    .get(0);
            List<Sample> samples = samples(w, runId);
            assertThat(samples).hasSize(4);
            Sample root = samples.stream()
                    .filter(s -> s.parentSampleId() == null)
                    .findFirst()
                    .orElseThrow();
            assertThat(root.text()).isEqualTo(source.text());
            String prefix = source.text().substring(0, position);
            assertThat(samples)
                    .filteredOn(s -> s.parentSampleId() != null)
                    .hasSize(3)
                    .allSatisfy(s -> {
                        assertThat(s.parentSampleId()).isEqualTo(root.id());
                        assertThat(s.text()).startsWith(prefix).hasSizeGreaterThan(prefix.length());
                        List<Segment> own = w.read(tables -> tables.samples().segments(s.id()));
                        assertThat(own.get(0).kind()).isEqualTo(SegmentKind.BRANCH_POINT);
                        assertThat(own.get(0).charStart()).isEqualTo(position);
                    });
        }
    }

    /** Fails every generation for one question while {@code failing} is set: a server that keeps erroring on it. */
    private static final class FailingOn implements ModelBackend {
        private final ModelBackend inner;
        private final String question;
        volatile boolean failing = true;

        FailingOn(ModelBackend inner, String question) {
            this.inner = inner;
            this.question = question;
        }

        @Override
        public Generation generate(
                GenerationRequest request, TextStream stream, java.util.function.BooleanSupplier cancelled)
                throws ReplayException {
            if (failing && request.prompt().contains(question)) {
                throw new ReplayException("The server answered 500 after 4 retries.");
            }
            return inner.generate(request, stream, cancelled);
        }

        @Override
        public int countTokens(String text) throws ReplayException {
            return inner.countTokens(text);
        }

        @Override
        public String modelName() {
            return inner.modelName();
        }

        @Override
        public String backendName() {
            return inner.backendName();
        }

        @Override
        public void close() {}
    }

    @Test
    void aFailedSampleCostsOnlyItselfAndARerunFillsTheGapWithoutDuplicates(@TempDir Path dir) throws Exception {
        try (Workspace w = workspaceWithOriginal(dir)) {
            Run original = original(w);
            List<Problem> problems = problems(w, original.id());
            FailingOn flaky = new FailingOn(model, problems.get(0).question());
            WorkspaceReplay replay = new WorkspaceReplay(w, dir.resolve("replays"), Graders.MATH);
            ReplayRequest sampling =
                    request("flaky", ReplayStrategy.SAMPLING, original, problems, List.of(), 2, 1, null);

            WorkspaceReplay.Outcome partial =
                    replay.run(sampling, flaky, PromptTemplate.CHATML, LiveText.NONE, TaskContext.NONE);
            assertThat(partial.failures())
                    .hasSize(2)
                    .allSatisfy(failure -> assertThat(failure)
                            .startsWith(problems.get(0).key() + "/s")
                            .endsWith("The server answered 500 after 4 retries."));
            assertThat(partial.samplesRun()).isEqualTo(2 * (problems.size() - 1));
            assertThat(samples(w, partial.runIds().get(0))).hasSize(2 * (problems.size() - 1));

            flaky.failing = false;
            WorkspaceReplay.Outcome filled =
                    replay.run(sampling, flaky, PromptTemplate.CHATML, LiveText.NONE, TaskContext.NONE);
            assertThat(filled.failures()).isEmpty();
            assertThat(filled.samplesRun()).as("only the gaps run again").isEqualTo(2);
            List<Sample> all = samples(w, filled.runIds().get(0));
            assertThat(all).hasSize(2 * problems.size());
            assertThat(all.stream().map(s -> s.problemId() + "/" + s.index()).distinct())
                    .hasSize(all.size());
            assertThat(w.runSummaries().stream()
                            .filter(summary -> summary.run().name().equals("flaky")))
                    .as("the run with gaps was replaced, not kept beside the whole one")
                    .hasSize(1);
        }
    }
}
