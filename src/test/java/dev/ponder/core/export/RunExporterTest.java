package dev.ponder.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.ingest.AlreadyImportedException;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.TreeNode;
import dev.ponder.core.store.SampleRepository;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Export, then import into another workspace: every row comes back the same, apart from workspace ids. */
class RunExporterTest {
    private static final Path FIXTURES = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "samples_aime24_s1_2025-01-31T12-00-00.000000.jsonl",
                "sal_best_of_3.jsonl",
                "skythought_legacy.json",
                "openr1_math.jsonl",
                "openai_chat_completion.json",
                "inspect_log.json",
                "rstar_mcts.jsonl",
                "treelog_example_3.json",
                "../../../../../../../../sample-runs/tiny-arith-best-of-4.jsonl"
            })
    void aRoundTripGivesIdenticalRows(String fixture) {
        roundTrip(FIXTURES.resolve(fixture).normalize());
    }

    @Test
    void roundsAndSegmentsSurviveTheRoundTrip() throws Exception {
        Path file = Files.writeString(dir.resolve("rounds.jsonl"), """
                {"format": "ponder-run", "version": 1, "run": {"name": "think twice", "strategy": "multi-round", "params": {"rounds": "2"}}}
                {"type": "problem", "key": "p1", "question": "1 + 1?", "gold": "2", "metadata": {"level": 1}}
                {"type": "sample", "id": "r0", "problem": "p1", "round": 0, "text": "<think>one</think>\\\\boxed{1}", "thinking": {"start": 7, "end": 10}, "correct": false, "budget": 64, "segments": [{"kind": "forced_thinking_end", "start": 10, "end": 18, "detail": "budget 64"}]}
                {"type": "sample", "problem": "p1", "round": 1, "parent": "r0", "text": "<think>two, Wait</think>\\\\boxed{2}", "thinking": {"start": 7, "end": 16}, "correct": true, "segments": [{"kind": "injected_wait", "start": 12, "end": 16}, {"kind": "round_prompt", "start": 0, "end": 0, "detail": "round 2"}], "meta": {"seed": 3}}
                """);
        roundTrip(file);
    }

    @Test
    void exportingARunStillInTheWorkspaceAndImportingItBackIsADuplicate() {
        try (Workspace workspace = Workspace.create(dir.resolve("one.ponder"))) {
            ImportResult imported = new Importer(workspace)
                    .importFile(FIXTURES.resolve("limo_eval.jsonl"), ImportOptions.DEFAULT, TaskContext.NONE);
            Path export = dir.resolve("limo.ponder.jsonl");
            new RunExporter(workspace).export(imported.runId(), export, TaskContext.NONE);
            assertThatThrownBy(
                            () -> new Importer(workspace).importFile(export, ImportOptions.DEFAULT, TaskContext.NONE))
                    .isInstanceOf(AlreadyImportedException.class);
        }
    }

    @Test
    void aMissingRunIsAClearErrorAndWritesNothing() {
        try (Workspace workspace = Workspace.create(dir.resolve("empty.ponder"))) {
            Path out = dir.resolve("none.jsonl");
            assertThatThrownBy(() -> new RunExporter(workspace).export(42, out, TaskContext.NONE))
                    .hasMessageContaining("There is no run 42");
            assertThat(out).doesNotExist();
            assertThat(dir.resolve("none.jsonl.part")).doesNotExist();
        }
    }

    private void roundTrip(Path fixture) {
        Path export = dir.resolve("export.jsonl");
        try (Workspace original = Workspace.create(dir.resolve("original.ponder"));
                Workspace copy = Workspace.create(dir.resolve("copy.ponder"))) {
            ImportResult imported = new Importer(original).importFile(fixture, ImportOptions.DEFAULT, TaskContext.NONE);
            new RunExporter(original).export(imported.runId(), export, TaskContext.NONE);
            ImportResult reimported = new Importer(copy).importFile(export, ImportOptions.DEFAULT, TaskContext.NONE);
            assertThat(reimported.skipped()).isEmpty();
            assertThat(snapshot(copy, reimported.runId())).isEqualTo(snapshot(original, imported.runId()));
        }
    }

    /** Everything stored for a run, with workspace ids replaced by what they stand for. */
    private static Map<String, Object> snapshot(Workspace workspace, long runId) {
        return workspace.read(tables -> {
            Map<String, Object> rows = new HashMap<>();
            Run run = tables.runs().find(runId).orElseThrow();
            rows.put("run", run.withId(1));
            List<Problem> problems = tables.problems().ofRun(runId);
            List<Object> problemRows = new ArrayList<>();
            List<Object> sampleRows = new ArrayList<>();
            List<Object> treeRows = new ArrayList<>();
            for (Problem problem : problems) {
                problemRows.add(new Problem(
                        1,
                        problem.key(),
                        problem.dataset(),
                        problem.question(),
                        problem.goldAnswer(),
                        problem.metadataJson()));
                SampleRepository samples = tables.samples();
                List<Sample> ofProblem = samples.ofProblem(runId, problem.id());
                for (Sample sample : ofProblem) {
                    Long parentPosition = sample.parentSampleId() == null
                            ? null
                            : (long) ofProblem.stream().map(Sample::id).toList().indexOf(sample.parentSampleId());
                    sampleRows.add(List.of(
                            problem.key(),
                            sample.stored(1, 1, 1, parentPosition),
                            samples.steps(sample.id()),
                            samples.segments(sample.id())));
                }
                List<TreeNode> nodes = tables.treeNodes().ofProblem(runId, problem.id());
                for (TreeNode node : nodes) {
                    String parentKey = nodes.stream()
                            .filter(other -> node.parentId() != null && other.id() == node.parentId())
                            .map(TreeNode::nodeKey)
                            .findFirst()
                            .orElse(null);
                    treeRows.add(List.of(problem.key(), String.valueOf(parentKey), node.stored(1, 1, 1, null)));
                }
                rows.put(
                        "reference " + problem.key(),
                        String.valueOf(tables.runs()
                                .problemReference(runId, problem.id())
                                .orElse(null)));
            }
            rows.put("problems", problemRows);
            rows.put("samples", sampleRows);
            rows.put("tree", treeRows);
            return rows;
        });
    }
}
