package dev.ponder.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.ingest.read.RunFormats;
import dev.ponder.core.ingest.record.FileHead;
import dev.ponder.core.ingest.record.SkippedRecord;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Run;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.TreeNode;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each format's reader on a fixture written for it; every expectation below was worked out by reading the fixture. */
class FormatReadersTest {
    @TempDir
    Path dir;

    private Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.create(dir.resolve("w.ponder"));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void s1LmEvalSamplesWithRepeatsLabelsTokenCountsAndTheResultsFile() throws Exception {
        ImportedRun imported = ImportedRun.of(workspace, "samples_aime24_s1_2025-01-31T12-00-00.000000.jsonl");
        assertThat(imported.result().format()).isEqualTo("lm-eval");
        assertThat(imported.result().problems()).isEqualTo(2);
        assertThat(imported.result().samples()).isEqualTo(8);
        Run run = imported.run();
        assertThat(run.model()).isEqualTo("simplescaling/s1-32B");
        assertThat(run.grader()).isEqualTo("file labels");
        assertThat(run.params())
                .containsEntry("task", "aime24_s1")
                .containsEntry("budget", "4000")
                .containsEntry("thinking_n_ignore", "1")
                .containsEntry("thinking_n_ignore_str", "Wait")
                .containsEntry("max_tokens", "32768")
                .containsEntry("lm_eval_filter", "none")
                .containsEntry("token_counts", "file")
                .containsEntry("lm_eval_version", "0.4.7");

        Problem first = imported.problem("What is 40 + 30?");
        assertThat(first.goldAnswer()).isEqualTo("70");
        List<Sample> samples = imported.samples(first);
        assertThat(samples).extracting(Sample::correct).containsExactly(true, true, false, true);
        assertThat(samples).extracting(sample -> sample.answer().extracted()).containsExactly("70", "70", "60", "70");
        assertThat(ImportedRun.thinking(samples.get(1))).isEqualTo("40+30. Wait, 40+30=70.\n");
        assertThat(samples.get(0).answer().text()).isEqualTo("Answer: \\boxed{70}");
        Sample cutOff = samples.get(3);
        assertThat(cutOff.finishReason()).isEqualTo("length");
        assertThat(cutOff.tokens().total()).isEqualTo(4000);
        assertThat(cutOff.tokens().thinking()).isEqualTo(4000);
        assertThat(cutOff.tokens().estimated()).isFalse();
        JsonNode reference =
                com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(imported.reference(first));
        assertThat(reference.path("maj@4").asInt()).isEqualTo(1);
        assertThat(reference.path("cov@2").asInt()).isEqualTo(1);
        assertThat(reference.path("avg@4").asDouble()).isEqualTo(0.75);
        assertThat(imported.samples(imported.problem("What is 9 squared?")))
                .extracting(Sample::correct)
                .containsExactly(true, false, true, true);
    }

    @Test
    void lmEvalLinesOfSeveralFiltersImportEachDocumentOnce() {
        ImportedRun imported = ImportedRun.of(workspace, "samples_gsm8k_2025-02-01T09-30-00.123456.jsonl");
        assertThat(imported.result().samples()).isEqualTo(2);
        assertThat(imported.result().skippedCount()).isZero();
        assertThat(imported.run().params())
                .containsEntry("lm_eval_filter", "strict-match")
                .containsEntry("lm_eval_other_filters", "flexible-extract")
                .containsEntry("task", "gsm8k");
        assertThat(imported.run().model()).isNull();
        Sample right = imported.samples(imported.problem("Tom has 3 apples and buys 4. How many?"))
                .get(0);
        assertThat(right.correct()).isTrue();
        assertThat(right.answer().extracted()).isEqualTo("7");
        Problem pens = imported.problem("A pen costs 2 dollars. What do 5 pens cost?");
        Sample wrong = imported.samples(pens).get(0);
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.answer().extracted()).isEqualTo("12");
        assertThat(pens.goldAnswer()).isEqualTo("10");
        assertThat(imported.reference(pens)).contains("\"exact_match\":0.0", "\"bleu\":\"NaN\"");
    }

    @Test
    void oldLmEvalFilesWithoutFiltersAndWithFlatResponses() {
        ImportedRun imported = ImportedRun.of(workspace, "samples_arith_legacy.jsonl");
        assertThat(imported.result().samples()).isEqualTo(2);
        assertThat(imported.allSamples()).extracting(Sample::correct).containsExactlyInAnyOrder(true, false);
        assertThat(imported.run().params())
                .containsEntry("lm_eval_filter", "none")
                .doesNotContainKey("task");
    }

    /**
     * A best-of-256 record with its step scores is one line of hundreds of kilobytes, past the head format detection
     * reads; the field names that tell the format come after the completions. It is recognised without --format.
     */
    @Test
    void aSearchAndLearnFileWhoseFirstLineIsLongerThanTheHeadIsRecognised() throws Exception {
        StringBuilder line =
                new StringBuilder("{\"problem\": \"Compute $2^5$.\", \"answer\": \"32\", \"completions\": [");
        StringBuilder scores = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            line.append(i == 0 ? "" : ", ")
                    .append("\"## Step 1: ")
                    .append("think ".repeat(300))
                    .append("\\n\\nThe final answer is: $\\\\boxed{32}$\"");
            scores.append(i == 0 ? "" : ", ").append("[0.5, 0.9]");
        }
        line.append("], \"scores\": [").append(scores).append("], \"pred_weighted@256\": \"\\\\boxed{32}\"}\n");
        assertThat(line.length()).isGreaterThan(400_000);
        Path file = Files.writeString(
                dir.resolve("bon_256.jsonl"), line.toString() + line.toString().replace("2^5", "2^6"));
        ImportedRun imported = ImportedRun.of(workspace, file, ImportOptions.DEFAULT);
        assertThat(imported.result().format()).isEqualTo("search-and-learn");
        assertThat(imported.result().recognised())
                .isEqualTo("search-and-learn, from its fields problem, answer, completions, scores, pred_weighted@256");
        assertThat(imported.result().samples()).isEqualTo(512);
        assertThat(imported.samples(imported.problem("Compute $2^5$.")).get(0).text())
                .hasSizeGreaterThan(1800);
    }

    @Test
    void searchAndLearnScoresStepsAndReferencePredictions() {
        ImportedRun imported = ImportedRun.of(workspace, "sal_best_of_3.jsonl");
        assertThat(imported.result().format()).isEqualTo("search-and-learn");
        assertThat(imported.result().problems()).isEqualTo(2);
        assertThat(imported.result().samples()).isEqualTo(6);
        assertThat(imported.run().grader()).isEqualTo("ponder-math");

        Problem power = imported.problem("Compute $2^5$.");
        List<Sample> samples = imported.samples(power);
        assertThat(samples).extracting(Sample::correct).containsExactly(true, false, true);
        assertThat(samples).extracting(Sample::score).containsExactly(0.95, 0.2, 0.9);
        assertThat(imported.steps(samples.get(2)))
                .extracting(step -> samples.get(2).text().substring(step.charStart(), step.charEnd()))
                .containsExactly(
                        "## Step 1: Double\n2, 4, 8, 16, 32.",
                        "## Step 2: Check\n32.",
                        "The final answer is: $\\boxed{32}$");
        assertThat(samples.get(0).tokens()).satisfies(tokens -> {
            assertThat(tokens.total()).isEqualTo(20);
            assertThat(tokens.estimated()).isFalse();
        });
        assertThat(samples.get(1).tokens().estimated())
                .as("-1 means unknown, so Ponder counted")
                .isTrue();
        assertThat(imported.reference(power))
                .contains("\"pred_maj@2\":\"\\\\boxed{32}\"", "\"agg_scores\":[0.95,0.2,0.9]");
        assertThat(imported.samples(imported.problem("What is $\\frac{1}{2} + \\frac{1}{4}$?")))
                .extracting(Sample::correct)
                .containsExactly(true, true, false);
    }

    @Test
    void skyThoughtResults() {
        ImportedRun imported = ImportedRun.of(workspace, "skythought_results.json");
        assertThat(imported.result().format()).isEqualTo("skythought");
        assertThat(imported.result().problems()).isEqualTo(2);
        assertThat(imported.result().samples()).isEqualTo(4);
        List<Sample> samples = imported.samples(imported.problem("Find 6 * 7."));
        assertThat(samples).extracting(Sample::correct).containsExactly(true, false);
        assertThat(samples).extracting(sample -> sample.tokens().total()).containsExactly(25, 27);
        assertThat(ImportedRun.thinking(samples.get(0))).isEqualTo("\n6*7=42\n\n");
        assertThat(samples.get(0).answer().extracted()).isEqualTo("42");
        assertThat(samples.get(1).metaJson()).contains("Solution is incorrect.");
        assertThat(imported.problem("Find 6 * 7.").metadataJson())
                .contains("\"source_id\":\"0\"")
                .doesNotContain("responses");
    }

    @Test
    void legacySkyThoughtResultsKeyedByTemperature() {
        ImportedRun imported = ImportedRun.of(workspace, "skythought_legacy.json");
        List<Sample> samples = imported.samples(imported.problem("Find 6 * 7."));
        assertThat(samples).extracting(Sample::correct).containsExactly(true, false);
        assertThat(samples)
                .extracting(Sample::metaJson)
                .containsExactly("{\"temperature\":\"0.7\"}", "{\"temperature\":\"1.0\",\"reason\":\"wrong\"}");
        assertThat(samples).extracting(sample -> sample.tokens().total()).containsExactly(5, 6);
    }

    @Test
    void runsOfTheSameQuestionShareOneProblem() {
        ImportedRun current = ImportedRun.of(workspace, "skythought_results.json");
        ImportedRun legacy = ImportedRun.of(workspace, "skythought_legacy.json");
        assertThat(legacy.problem("Find 6 * 7.").id())
                .isEqualTo(current.problem("Find 6 * 7.").id());
        assertThat(legacy.samples(legacy.problem("Find 6 * 7."))).hasSize(2);
        assertThat(current.samples(current.problem("Find 6 * 7."))).hasSize(2);
    }

    @Test
    void openR1GenerationsWithoutOpeningThinkTags() {
        ImportedRun imported = ImportedRun.of(workspace, "openr1_math.jsonl");
        assertThat(imported.result().format()).isEqualTo("open-r1");
        List<Sample> samples = imported.samples(imported.problem("Solve x + 3 = 5."));
        assertThat(samples).extracting(Sample::correct).containsExactly(true, true, false);
        assertThat(samples.get(0).thinking().start()).isZero();
        assertThat(ImportedRun.thinking(samples.get(0))).isEqualTo("Okay, subtract 3: x = 2.\n");
        Sample cut = samples.get(2);
        assertThat(cut.truncated()).isTrue();
        assertThat(cut.finishReason()).isEqualTo("length");
        assertThat(cut.answer().extracted()).isNull();
        assertThat(samples.get(1).metaJson()).isEqualTo("{\"correctness_llama\":true,\"is_reasoning_complete\":true}");
        assertThat(imported.reference(imported.problem("Solve x + 3 = 5."))).isEqualTo("{\"correctness_count\":2}");
    }

    @Test
    void qwenMathToolkitOutput() {
        ImportedRun imported = ImportedRun.of(workspace, "qwen_math_outputs.jsonl");
        assertThat(imported.result().format()).isEqualTo("qwen-math");
        assertThat(imported.result().samples()).isEqualTo(3);
        List<Sample> samples = imported.samples(imported.problem("What is 15% of 80?"));
        assertThat(samples).extracting(Sample::correct).containsExactly(true, false);
        assertThat(samples).extracting(Sample::score).containsExactly(0.93, 0.12);
        assertThat(samples).extracting(sample -> sample.answer().extracted()).containsExactly("12", "8");
        assertThat(imported.problem("Simplify 10/4.").goldAnswer()).isEqualTo("\\frac{5}{2}");
    }

    @Test
    void limoEvalOutput() {
        ImportedRun imported = ImportedRun.of(workspace, "limo_eval.jsonl");
        assertThat(imported.result().format()).isEqualTo("limo-eval");
        List<Sample> samples = imported.samples(imported.problem("How many primes are below 10?"));
        assertThat(samples).extracting(Sample::correct).containsExactly(true, false, true);
        assertThat(samples).extracting(sample -> sample.answer().key()).containsExactly("4", "5", "4");
    }

    @Test
    void openAiChatCompletionWithReasoningContent() {
        ImportedRun imported = ImportedRun.of(workspace, "openai_chat_completion.json");
        assertThat(imported.result().format()).isEqualTo("openai-chat");
        assertThat(imported.run().model()).isEqualTo("deepseek-reasoner");
        assertThat(imported.result().samples()).isEqualTo(2);
        List<Sample> samples = imported.allSamples();
        assertThat(samples.get(0).text()).isEqualTo("We need 8 + 9 = 17.\n\nThe answer is \\boxed{17}.");
        assertThat(ImportedRun.thinking(samples.get(0))).isEqualTo("We need 8 + 9 = 17.");
        assertThat(samples).extracting(sample -> sample.answer().extracted()).containsExactly("17", "18");
        assertThat(samples.get(0).correct())
                .as("no gold answer in a bare completion")
                .isNull();
        assertThat(samples.get(0).tokens().estimated())
                .as("usage covers both choices together")
                .isTrue();
    }

    @Test
    void openAiBatchOutputSkipsFailedRequests() {
        ImportedRun imported = ImportedRun.of(workspace, "openai_batch_output.jsonl");
        assertThat(imported.result().problems()).isEqualTo(2);
        assertThat(imported.result().samples()).isEqualTo(2);
        assertThat(imported.result().skipped())
                .extracting(SkippedRecord::toString)
                .containsExactly("line 2: the request failed: The server had an error");
        assertThat(imported.run().model()).isEqualTo("qwen3-8b");
        Sample withReasoning = imported.samples(imported.problems().stream()
                        .filter(problem -> problem.key().equals("problem-1"))
                        .findFirst()
                        .orElseThrow())
                .get(0);
        assertThat(ImportedRun.thinking(withReasoning)).isEqualTo("2 + 3 = 5");
        assertThat(withReasoning.tokens().total()).isEqualTo(12);
        assertThat(withReasoning.tokens().thinking()).isEqualTo(7);
        assertThat(withReasoning.tokens().estimated()).isFalse();
    }

    @Test
    void inspectJsonLogWithEpochsReasoningAndAttachments() {
        ImportedRun imported = ImportedRun.of(workspace, "inspect_log.json");
        assertInspectLog(imported);
    }

    @Test
    void inspectEvalArchiveOfTheSameLog() throws Exception {
        Path archive = InspectArchives.write(
                dir.resolve("arith.eval"), Files.readString(ImportedRun.FIXTURES.resolve("inspect_log.json")));
        assertInspectLog(ImportedRun.of(workspace, archive, ImportOptions.DEFAULT));
    }

    /** One Inspect log written as .json and as .eval is one log: the second asks, as any re-import does. */
    @Test
    void theSameInspectLogAsJsonAndAsEvalIsRecognisedByItsEvalId() throws Exception {
        ImportedRun.of(workspace, "inspect_log.json");
        Path archive = InspectArchives.write(
                dir.resolve("arith.eval"), Files.readString(ImportedRun.FIXTURES.resolve("inspect_log.json")));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Importer(workspace).importFile(archive, ImportOptions.DEFAULT, TaskContext.NONE))
                .isInstanceOf(AlreadyImportedException.class)
                .hasMessageContaining("the same Inspect log, eval id E1");
        assertThat(new Importer(workspace)
                        .importFile(archive, ImportOptions.DEFAULT.evenIfImportedBefore(), TaskContext.NONE)
                        .samples())
                .as("imported again on purpose")
                .isEqualTo(4);
    }

    /** Inspect's current writer compresses every entry with zstd (ZIP method 93), which the JDK cannot read. */
    @Test
    void inspectEvalArchiveCompressedWithZstd() throws Exception {
        Path archive = InspectArchives.writeZstd(
                dir.resolve("arith-zstd.eval"), Files.readString(ImportedRun.FIXTURES.resolve("inspect_log.json")));
        assertInspectLog(ImportedRun.of(workspace, archive, ImportOptions.DEFAULT));
    }

    private static void assertInspectLog(ImportedRun imported) {
        assertThat(imported.result().format()).isEqualTo("inspect");
        assertThat(imported.result().problems()).isEqualTo(2);
        assertThat(imported.result().samples()).isEqualTo(4);
        Run run = imported.run();
        assertThat(run.name()).isEqualTo("arith_mini");
        assertThat(run.model()).isEqualTo("anthropic/claude-3-7-sonnet");
        assertThat(run.params()).containsEntry("epochs", "2").containsEntry("reasoning_tokens", "1024");
        assertThat(run.grader()).isEqualTo("file labels, else ponder-math");

        Problem squared = imported.problem("What is 3 squared?");
        assertThat(squared.goldAnswer()).isEqualTo("9");
        List<Sample> epochs = imported.samples(squared);
        assertThat(epochs).extracting(Sample::index).containsExactly(0, 1);
        assertThat(epochs).extracting(Sample::correct).containsExactly(true, false);
        assertThat(ImportedRun.thinking(epochs.get(0))).isEqualTo("3*3 = 9");
        assertThat(epochs.get(0).answer().extracted()).isEqualTo("9");
        assertThat(epochs.get(0).tokens().total()).isEqualTo(12);
        assertThat(epochs.get(0).tokens().thinking()).isEqualTo(5);
        assertThat(ImportedRun.thinking(epochs.get(1)))
                .as("a reference to a missing attachment stays visible")
                .isEqualTo("attachment://bbbb");

        List<Sample> product = imported.samples(imported.problem("What is 7 * 6?"));
        assertThat(ImportedRun.thinking(product.get(0)))
                .as("the older reasoning field")
                .isEqualTo("6*7 is 42");
        assertThat(product.get(0).correct()).isTrue();
        assertThat(product.get(1).correct())
                .as("a partial score is no verdict; Ponder's grader decides")
                .isFalse();
    }

    @Test
    void rStarTreesBecomeTreeNodes() {
        ImportedRun imported = ImportedRun.of(workspace, "rstar_mcts.jsonl");
        assertThat(imported.result().format()).isEqualTo("rstar");
        assertThat(imported.result().treeNodes()).isEqualTo(6);
        assertThat(imported.run().strategy()).isEqualTo("mcts");
        List<TreeNode> nodes = imported.tree(imported.problem("What is 5 + 7?"));
        TreeNode root = node(nodes, "0");
        TreeNode step = node(nodes, "0.1");
        assertThat(step.parentId()).isEqualTo(root.id());
        assertThat(step.value()).as("q_value").isEqualTo(0.8);
        assertThat(step.visits()).isEqualTo(5);
        assertThat(step.stepText()).isEqualTo("5 + 7 = 12.");
        assertThat(node(nodes, "0.1.1")).satisfies(leaf -> {
            assertThat(leaf.terminal()).isTrue();
            assertThat(leaf.answer()).isEqualTo("12");
            assertThat(leaf.correct()).isTrue();
            assertThat(leaf.parentId()).isEqualTo(step.id());
        });
        assertThat(node(nodes, "0.1.2").correct()).isFalse();
        assertThat(node(nodes, "0.2.1").terminal())
                .as("rStar's 'No valid child' is no answer")
                .isFalse();
        assertThat(node(nodes, "0.1.1").metaJson()).contains("\"q_value\":0.9", "\"value\":0.95");
    }

    @Test
    void llmReasonersTreeLogWithIterations() {
        ImportedRun imported = ImportedRun.of(workspace, "treelog_example_3.json");
        assertThat(imported.result().format()).isEqualTo("llm-reasoners");
        assertThat(imported.result().treeNodes()).isEqualTo(4);
        List<TreeNode> nodes = imported.tree(imported.problems().get(0));
        assertThat(imported.problems().get(0).key()).isEqualTo("treelog/treelog_example_3");
        TreeNode deepest = node(nodes, "3");
        assertThat(deepest.iteration()).isEqualTo(3);
        assertThat(deepest.parentId()).isEqualTo(node(nodes, "1").id());
        assertThat(deepest.value()).isEqualTo(0.9);
        assertThat(deepest.reward()).isEqualTo(0.95);
        assertThat(deepest.stepText()).isEqualTo("Step 2: answer 12");
        assertThat(node(nodes, "2").iteration()).isEqualTo(2);
        assertThat(node(nodes, "1").metaJson()).contains("\"q_by_iteration\":{\"1\":0.5,\"2\":0.6,\"3\":0.7}");
        assertThat(node(nodes, "0").parentId()).isNull();
    }

    @Test
    void treeOfThoughtBfsLogKeepsWhatTheBeamDropped() {
        ImportedRun imported = ImportedRun.of(workspace, "tot_bfs_game24.json");
        assertThat(imported.result().format()).isEqualTo("tot-bfs");
        assertThat(imported.run().strategy()).isEqualTo("tot-bfs");
        assertThat(imported.result().treeNodes())
                .as("root + 9 proposals, root + 4 proposals")
                .isEqualTo(15);
        List<TreeNode> nodes = imported.tree(imported.problem("1 2 3 4"));
        TreeNode root = node(nodes, "root");
        assertThat(root.stepText()).isEqualTo("1 2 3 4");
        TreeNode kept = node(nodes, "s1.1");
        assertThat(kept.parentId()).isEqualTo(root.id());
        assertThat(kept.stepText()).isEqualTo("3 * 4 = 12 (left: 1 2 12)");
        assertThat(kept.value()).isEqualTo(20.0);
        assertThat(kept.iteration()).isEqualTo(1);
        assertThat(kept.pruned()).isFalse();
        assertThat(node(nodes, "s1.2").pruned())
                .as("4 - 1 was outside the beam of 2")
                .isTrue();
        TreeNode second = node(nodes, "s2.2");
        assertThat(second.parentId())
                .as("extends the kept state '1 + 2'")
                .isEqualTo(node(nodes, "s1.0").id());
        assertThat(second.stepText()).isEqualTo("3 * 3 = 9 (left: 4 9)");
        assertThat(second.pruned()).isTrue();
        TreeNode last = node(nodes, "s3.2");
        assertThat(last.parentId()).isEqualTo(node(nodes, "s2.1").id());
        assertThat(last.terminal()).isTrue();
        assertThat(last.answer()).isEqualTo("3 * 4 * (2 - 1) = 12");
        assertThat(last.correct()).isFalse();
        assertThat(node(nodes, "s3.1").terminal())
                .as("dropped at the last step")
                .isFalse();
        List<TreeNode> solved = imported.tree(imported.problem("4 6 1 1"));
        assertThat(node(solved, "s3.0").correct()).isTrue();
        assertThat(node(solved, "s1.1").pruned()).isTrue();
    }

    @Test
    void omegaPrmNestedTreeWithMonteCarloValues() {
        ImportedRun imported = ImportedRun.of(workspace, "omegaprm_question_7.json");
        assertThat(imported.result().format()).isEqualTo("omegaprm");
        assertThat(imported.result().treeNodes()).isEqualTo(8);
        Problem problem = imported.problems().get(0);
        assertThat(problem.goldAnswer()).isEqualTo("42");
        List<TreeNode> nodes = imported.tree(problem);
        assertThat(node(nodes, "0").value()).isEqualTo(0.625);
        assertThat(node(nodes, "0").parentId()).isNull();
        TreeNode right = node(nodes, "0.0.0");
        assertThat(right.parentId()).isEqualTo(node(nodes, "0.0").id());
        assertThat(right.value()).isEqualTo(1.0);
        assertThat(right.terminal()).isTrue();
        assertThat(right.answer()).isEqualTo("42");
        assertThat(right.correct()).isTrue();
        assertThat(node(nodes, "0.0.1").correct()).isFalse();
        assertThat(node(nodes, "0.1.0").answer()).as("'The answer is 42.'").isEqualTo("42");
        assertThat(node(nodes, "0.1.1").terminal()).as("has a child").isFalse();
        assertThat(node(nodes, "0.1.1.0").correct()).isFalse();
    }

    @ParameterizedTest(name = "{0} is recognised as {1} by content")
    @CsvSource({
        "samples_aime24_s1_2025-01-31T12-00-00.000000.jsonl, lm-eval",
        "samples_arith_legacy.jsonl, lm-eval",
        "sal_best_of_3.jsonl, search-and-learn",
        "skythought_results.json, skythought",
        "skythought_legacy.json, skythought",
        "openr1_math.jsonl, open-r1",
        "qwen_math_outputs.jsonl, qwen-math",
        "limo_eval.jsonl, limo-eval",
        "openai_chat_completion.json, openai-chat",
        "openai_batch_output.jsonl, openai-chat",
        "inspect_log.json, inspect",
        "rstar_mcts.jsonl, rstar",
        "treelog_example_3.json, llm-reasoners",
        "tot_bfs_game24.json, tot-bfs",
        "omegaprm_question_7.json, omegaprm"
    })
    void formatsAreRecognisedByContentNotByName(String fixture, String format) throws Exception {
        Path renamed = Files.copy(ImportedRun.FIXTURES.resolve(fixture), dir.resolve("data.txt"));
        assertThat(RunFormats.standard().choose(null, FileHead.of(renamed)).format())
                .isEqualTo(format);
    }

    private static TreeNode node(List<TreeNode> nodes, String key) {
        return nodes.stream()
                .filter(node -> key.equals(node.nodeKey()))
                .findFirst()
                .orElseThrow();
    }
}
