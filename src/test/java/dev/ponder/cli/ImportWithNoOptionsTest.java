package dev.ponder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files no reader knows import with no options when their fields can be guessed with confidence: the guess is printed
 * in the --map syntax, used, and remembered; an unsure guess stops with the guess printed, ready to correct. A dry run
 * writes nothing; an empty folder is said; exit codes say whether everything, part or nothing was imported.
 */
class ImportWithNoOptionsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun(() -> dir.resolve("home"));

    private String workspace() {
        return dir.resolve("w.ponder").toString();
    }

    @Test
    void oneProblemPerLineWithAListOfResponsesIsGuessedPrintedUsedAndRemembered() throws Exception {
        Path file = Files.writeString(dir.resolve("my_eval_outputs.jsonl"), """
                {"idx": 1, "prompt": "What is 2 + 2?", "ground_truth": "4", "responses": ["so \\\\boxed{4}", "hmm \\\\boxed{5}"]}
                {"idx": 2, "prompt": "What is 3 + 3?", "ground_truth": "6", "responses": ["\\\\boxed{6}", "\\\\boxed{6}"]}
                """);
        assertThat(cli.run("import", file.toString(), "-w", workspace()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains("No reader knows my_eval_outputs.jsonl; reading it with the mapping guessed from its fields")
                .contains("--map problem=idx --map question=prompt --map gold=ground_truth --map trace=responses "
                        + "--layout problems")
                .contains("(generic, through a field mapping): 2 problems, 4 samples");

        Path sameShape = Files.writeString(dir.resolve("more_outputs.jsonl"), """
                {"idx": 9, "prompt": "What is 1 + 1?", "ground_truth": "2", "responses": ["\\\\boxed{2}"]}
                """);
        cli.clearOut();
        assertThat(cli.run("import", sameShape.toString(), "-w", workspace()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("Reading more_outputs.jsonl with the mapping saved for files of its shape");
    }

    @Test
    void aProblemMetAgainInALaterRecordGetsMoreSamplesNotDuplicates() throws Exception {
        Path file = Files.writeString(dir.resolve("cases.json"), """
                {"cases": [
                  {"doc": {"query": "What is 2 + 2?"}, "model_response": {"text": ["4", "5"]}},
                  {"doc": {"query": "What is 2 + 2?"}, "model_response": {"text": ["5", "6"]}},
                  {"doc": {"query": "What is 3 * 4?"}, "model_response": {"text": ["10", "12", "15"]}}
                ]}
                """);
        assertThat(cli.run("import", file.toString(), "-w", workspace()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains("--map question=doc.query --map trace=model_response.text --layout problems --records cases")
                .contains("2 problems, 7 samples, 0 tree nodes, 0 skipped");
    }

    @Test
    void reasoningTracesUnderOtherNamesAreGuessed() throws Exception {
        Path file = Files.writeString(dir.resolve("traces.jsonl"), """
                {"problem": "Compute 6 * 7.", "expected_answer": "42", "model_output": "<think>6*7=42</think> \\\\boxed{42}", "num_tokens": 12}
                {"problem": "Compute 5 * 5.", "expected_answer": "25", "model_output": "<think>5*5=20</think> \\\\boxed{20}", "num_tokens": 9}
                """);
        assertThat(cli.run("import", file.toString(), "-w", workspace()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains("--map question=problem --map gold=expected_answer --map trace=model_output "
                        + "--map tokens=num_tokens")
                .contains("2 problems, 2 samples");
        try (WorkspaceServices opened =
                WorkspaceServices.open(Path.of(workspace()), new PonderHome(dir.resolve("home")))) {
            assertThat(opened.runs().summaries().get(0).accuracy()).isEqualTo(0.5);
        }
    }

    /** Traces with the question, the gold worked solution and the generated text under other names. */
    @Test
    void aGoldWorkedSolutionGivesItsBoxedAnswer() throws Exception {
        Path file = Files.writeString(dir.resolve("distilled.jsonl"), """
                {"problem": "Compute 6 * 7.", "solution": "Six sevens are $\\\\boxed{42}$.", "generation": "<think>6*7=42</think> \\\\boxed{42}"}
                {"problem": "Compute 5 * 5.", "solution": "It is $\\\\boxed{25}$.", "generation": "<think>5*5=20</think> \\\\boxed{20}"}
                """);
        assertThat(cli.run("import", file.toString(), "-w", workspace()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).contains("--map question=problem --map gold=solution --map trace=generation");
        try (WorkspaceServices opened =
                WorkspaceServices.open(Path.of(workspace()), new PonderHome(dir.resolve("home")))) {
            assertThat(opened.runs().summaries().get(0).accuracy()).isEqualTo(0.5);
        }
    }

    /**
     * An overthinking study's output: each response beside its split into solutions and each solution's answer. The
     * pieces are one sample's, not samples; the field names are none a reader knows.
     */
    @Test
    void aResponseSplitIntoSolutionsIsOneSample() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int n = 1; n <= 2; n++) {
            String first = ("So " + n + " + " + n + " is " + (2 * n) + ". ").repeat(14);
            String second = "Wait, let me check that again. " + n + " + " + n + " = " + (2 * n) + ". \\boxed{"
                    + (2 * n + n - 1) + "}";
            lines.append(String.format(
                    "{\"query_text\": \"What is %d + %d?\", \"answerKey\": \"%d\", \"whole\": \"%s\\n\\n%s\", "
                            + "\"generations\": [\"%s\", \"%s\"], \"solution_answers\": [\"%d\", \"%d\"], "
                            + "\"isRight\": %b}%n",
                    n, n, 2 * n, first, second, first, second, 2 * n, 2 * n + n - 1, n == 1));
        }
        Path file = Files.writeString(dir.resolve("ot_split.jsonl"), lines.toString());

        assertThat(cli.run("import", file.toString(), "-w", workspace()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains("--map question=query_text --map gold=answerKey --map trace=whole --map correct=isRight")
                .contains("2 problems, 2 samples");
        try (WorkspaceServices opened =
                WorkspaceServices.open(Path.of(workspace()), new PonderHome(dir.resolve("home")))) {
            assertThat(opened.runs().summaries().get(0).accuracy()).isEqualTo(0.5);
        }
    }

    /** Budget-forcing outputs with one record per budget: a sweep of runs, as a folder of files named by budget is. */
    @Test
    void oneRecordPerBudgetBecomesASweepOfRuns() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int budget : new int[] {512, 1024, 2048}) {
            for (int q = 1; q <= 2; q++) {
                boolean right = budget >= 1024 || q == 1;
                lines.append("{\"question\": \"What is ")
                        .append(q)
                        .append(" + ")
                        .append(q)
                        .append("?\", ")
                        .append("\"gold_answer\": \"")
                        .append(2 * q)
                        .append("\", \"thinking_budget\": ")
                        .append(budget)
                        .append(", \"response\": \"<think>hmm</think> \\\\boxed{")
                        .append(right ? 2 * q : 0)
                        .append("}\"}\n");
            }
        }
        Path file = Files.writeString(dir.resolve("s1_forcing.jsonl"), lines);
        int status = cli.run("import", file.toString(), "-w", workspace());
        assertThat(status).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out())
                .contains("--map budget=thinking_budget")
                .contains("as runs 1, 2, 3, one per budget, of the sweep")
                .contains("2 problems, 6 samples");
        try (WorkspaceServices opened =
                WorkspaceServices.open(Path.of(workspace()), new PonderHome(dir.resolve("home")))) {
            var runs = opened.runs().summaries();
            assertThat(runs).hasSize(3);
            assertThat(runs)
                    .extracting(r -> r.run().name())
                    .containsExactly("s1_forcing · budget 512", "s1_forcing · budget 1024", "s1_forcing · budget 2048");
            assertThat(runs).extracting(r -> r.run().params().get("budget")).containsExactly("512", "1024", "2048");
            assertThat(runs).extracting(r -> r.run().params().get("group")).containsOnly("s1_forcing");
            assertThat(runs).extracting(r -> r.accuracy()).containsExactly(0.5, 1.0, 1.0);
        }
        cli.clearOut();
        assertThat(cli.run("import", file.toString(), "-w", workspace()))
                .as(cli.out() + cli.err())
                .isEqualTo(1);
        assertThat(cli.err()).contains("imported before");
    }

    /** Multi-round outputs with one record per round: the rounds of each sample, in one run. */
    @Test
    void oneRecordPerRoundKeepsTheRoundsApart() throws Exception {
        Path file = Files.writeString(dir.resolve("rounds.jsonl"), """
                {"question": "What is 2 + 2?", "gold_answer": "4", "round": 1, "response": "\\\\boxed{5}"}
                {"question": "What is 2 + 2?", "gold_answer": "4", "round": 2, "response": "\\\\boxed{4}"}
                {"question": "What is 2 + 2?", "gold_answer": "4", "round": 3, "response": "\\\\boxed{4}"}
                """);
        int status = cli.run("import", file.toString(), "-w", workspace());
        assertThat(status).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("--map round=round").contains("1 problem, 3 samples, 0 tree nodes, 0 skipped");
        try (WorkspaceServices opened =
                WorkspaceServices.open(Path.of(workspace()), new PonderHome(dir.resolve("home")))) {
            long runId = opened.runs().summaries().get(0).run().id();
            long problemId = opened.runs().problems(runId).get(0).id();
            assertThat(opened.samples().ofProblem(runId, problemId).lines())
                    .extracting(line -> line.round() + "#" + line.index())
                    .containsExactlyInAnyOrder("1#0", "2#0", "3#0");
        }
    }

    @Test
    void anUnsureGuessStopsWithTheGuessPrintedReadyToCorrect() throws Exception {
        Path file = Files.writeString(dir.resolve("bare.jsonl"), """
                {"output": "\\\\boxed{4}", "rating": 3}
                """);
        assertThat(cli.run("import", file.toString(), "-w", workspace())).isEqualTo(1);
        assertThat(cli.err())
                .contains("bare.jsonl: no reader knows it, and the mapping guessed from its fields is not sure (no "
                        + "field looks like the question or a problem id): correct it and pass it back: ponder import")
                .contains("--map trace=output");
    }

    @Test
    void aDryRunShowsTheFirstSamplesAndWritesNothing() throws Exception {
        Path file = Path.of("sample-runs/tiny-arith-best-of-4.jsonl").toAbsolutePath();
        assertThat(cli.run("import", file.toString(), "-w", workspace(), "--dry-run"))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains("Imported tiny-arith-best-of-4.jsonl")
                .contains("  sample: problem ")
                .contains("Dry run: nothing was written to the workspace.");
        assertThat(cli.out().lines().filter(line -> line.startsWith("  sample: ")))
                .hasSize(3);
        assertThat(Path.of(workspace())).doesNotExist();
        assertThat(dir.resolve("home/cache/dry-run")).isEmptyDirectory();
    }

    /** lm-eval writes its aggregated results beside the samples: named alone, it brings the samples it describes. */
    @Test
    void anLmEvalResultsSummaryImportsTheSamplesBesideItWhichReadItForTheirModel() throws Exception {
        Path fixtures = Path.of("src/test/resources/dev/ponder/core/ingest/fixtures");
        Path folder = Files.createDirectories(dir.resolve("lm-eval-out"));
        String stamp = "2025-01-31T12-00-00.000000";
        Files.copy(fixtures.resolve("results_" + stamp + ".json"), folder.resolve("results_" + stamp + ".json"));
        Files.copy(
                fixtures.resolve("samples_aime24_s1_" + stamp + ".jsonl"),
                folder.resolve("samples_aime24_s1_" + stamp + ".jsonl"));
        assertThat(cli.run(
                        "import", folder.resolve("results_" + stamp + ".json").toString(), "-w", workspace()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out())
                .contains("Importing samples_aime24_s1_" + stamp + ".jsonl: the samples of the results summary named")
                .contains("(lm-eval, from its fields")
                .doesNotContain("where the file does not say");
        cli.clearOut();
        Path again = dir.resolve("again.ponder");
        assertThat(cli.run("import", folder.toString(), "-w", again.toString()))
                .as(cli.err())
                .isZero();
        assertThat(cli.out()).doesNotContain("Left out").contains("Imported samples_aime24_s1_");
    }

    @Test
    void anEmptyFolderIsSaidAndExitsOne() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(cli.run("import", empty.toString(), "-w", workspace())).isEqualTo(1);
        assertThat(cli.err()).contains("no run files in").contains("nothing was imported");
    }

    @Test
    void anImportThatSkippedRecordsExitsThree() throws Exception {
        Path file = Files.writeString(dir.resolve("dupes.jsonl"), """
                {"format":"ponder-run","version":1,"run":{"name":"dupes","model":"m"}}
                {"type":"problem","key":"p1","question":"What is 2 + 2?","gold":"4"}
                {"type":"sample","problem":"p1","index":0,"text":"\\\\boxed{4}"}
                {"type":"sample","problem":"p1","index":0,"text":"\\\\boxed{3}"}
                """);
        assertThat(cli.run("import", file.toString(), "-w", workspace())).isEqualTo(3);
        assertThat(cli.out()).contains("1 skipped").contains("a duplicate");
    }
}
