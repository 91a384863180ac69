package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.answer.Grading;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Run;
import dev.ponder.core.store.RawSql;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.RecordingContext;
import dev.ponder.core.task.TaskCancelledException;
import dev.ponder.core.task.TaskContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegraderTest {
    /** SkyThought labels: the file calls 42.0 wrong and 41 right, which no math grader agrees with. */
    private static final String LABELLED = """
            {"0": {"problem": "Find 6 * 7.", "answer": "42", "unique_id": "0", "prompt": "Find 6 * 7.",
              "responses": [
                {"content": "\\\\boxed{42.0}", "correctness": false, "reason": ""},
                {"content": "\\\\boxed{41}", "correctness": true, "reason": ""},
                {"content": "\\\\boxed{42}", "correctness": true, "reason": ""}],
              "token_usages": [{"completion_tokens": 5, "prompt_tokens": 9}, {"completion_tokens": 5, "prompt_tokens": 9},
                {"completion_tokens": 5, "prompt_tokens": 9}]}}
            """;

    private static final String TREE = "{\"question\": \"What is 5 + 7?\", \"answer\": \"12\", \"rstar\": {"
            + "\"0\": {\"text\": \"\", \"final_answer\": \"\", \"value\": 0, \"q_value\": 0.5, \"visit_count\": 3}, "
            + "\"0.1\": {\"text\": \"So 12.0.\", \"final_answer\": \"12.0\", \"value\": 0.9, \"q_value\": 0.8, \"visit_count\": 2}, "
            + "\"0.2\": {\"text\": \"So 13.\", \"final_answer\": \"13\", \"value\": 0.2, \"q_value\": 0.1, \"visit_count\": 1}}}\n";

    @TempDir
    Path dir;

    @Test
    void regradingReplacesTheFileLabelsAndCanGoBackToThem() throws IOException {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = importText(workspace, "labelled.json", LABELLED);
            assertThat(verdicts(workspace, runId)).containsExactly(false, true, true);
            RunData.columns(workspace, runId);

            Regrader.Result math = Regrader.regrade(workspace, runId, Grading.parse("ponder-math"), TaskContext.NONE);
            assertThat(verdicts(workspace, runId)).containsExactly(true, false, true);
            assertThat(math.changed()).isEqualTo(2);
            assertThat(math.correct()).isEqualTo(2);
            assertThat(run(workspace, runId).grader()).isEqualTo("ponder-math");
            assertThat(RunData.columns(workspace, runId).correctCount(0))
                    .as("the cache was dropped")
                    .isEqualTo(2);

            Regrader.regrade(workspace, runId, Grading.parse("exact"), TaskContext.NONE);
            assertThat(verdicts(workspace, runId)).containsExactly(false, false, true);

            Regrader.Result back = Regrader.regrade(workspace, runId, Grading.parse("File labels"), TaskContext.NONE);
            assertThat(verdicts(workspace, runId)).containsExactly(false, true, true);
            assertThat(back.summary())
                    .isEqualTo("regraded 3 samples with file labels: 1 verdict changed; "
                            + "2 of 3 graded samples correct");
            assertThat(run(workspace, runId).grader()).isEqualTo("file labels");
        }
    }

    @Test
    void treeNodesWithAnAnswerAreRegradedToo() throws IOException {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = importText(workspace, "tree.jsonl", TREE);
            assertThat(nodeVerdicts(workspace, runId)).containsExactly(true, false);

            Regrader.Result exact = Regrader.regrade(workspace, runId, Grading.parse("exact"), TaskContext.NONE);
            assertThat(nodeVerdicts(workspace, runId)).containsExactly(false, false);
            assertThat(exact.treeNodesChanged()).isEqualTo(1);
        }
    }

    @Test
    void aCancelledRegradeChangesNothing() throws IOException {
        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            long runId = importText(workspace, "labelled.json", LABELLED);
            assertThatThrownBy(() -> Regrader.regrade(
                            workspace, runId, Grading.parse("exact"), RecordingContext.alwaysCancelled()))
                    .isInstanceOf(TaskCancelledException.class);
            assertThat(verdicts(workspace, runId)).containsExactly(false, true, true);
            assertThat(run(workspace, runId).grader()).isEqualTo("file labels");
        }
    }

    @Test
    void gradingChoicesAreReadAsTheyAreRecorded() {
        assertThat(Grading.parse("file labels, else ponder-math").label()).isEqualTo("file labels, else ponder-math");
        assertThat(Grading.parse("File Labels, else EXACT").label()).isEqualTo("file labels, else exact");
        assertThat(Grading.parse(" multiple-choice ").label()).isEqualTo("multiple-choice");
        assertThat(Grading.parse("file labels").verdict(null, "42", "42")).isNull();
        assertThat(Grading.parse("file labels, else exact").verdict(null, "42", "42"))
                .isTrue();
        assertThat(Grading.parse("file labels, else exact").verdict(false, "42", "42"))
                .isFalse();
        assertThat(Grading.offered())
                .extracting(Grading::label)
                .containsExactly(
                        "file labels",
                        "ponder-math",
                        "hendrycks-math-strict",
                        "qwen-math",
                        "numeric",
                        "exact",
                        "multiple-choice",
                        "file labels, else ponder-math");
        assertThatThrownBy(() -> Grading.parse("sympy"))
                .hasMessageContaining("unknown grader 'sympy'")
                .hasMessageContaining("ponder-math");
    }

    private long importText(Workspace workspace, String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        return new Importer(workspace)
                .importFile(file, ImportOptions.DEFAULT, TaskContext.NONE)
                .runId();
    }

    private static Run run(Workspace workspace, long runId) {
        return workspace.read(tables -> tables.runs().find(runId)).orElseThrow();
    }

    private static List<Boolean> verdicts(Workspace workspace, long runId) {
        return column(workspace, "SELECT correct FROM sample WHERE run_id = ? ORDER BY sample_index", runId);
    }

    private static List<Boolean> nodeVerdicts(Workspace workspace, long runId) {
        return column(
                workspace, "SELECT correct FROM tree_node WHERE run_id = ? AND answer IS NOT NULL ORDER BY id", runId);
    }

    private static List<Boolean> column(Workspace workspace, String sql, long runId) {
        return RawSql.read(workspace, connection -> {
            try (var query = connection.prepareStatement(sql)) {
                query.setLong(1, runId);
                try (var rows = query.executeQuery()) {
                    List<Boolean> values = new ArrayList<>();
                    while (rows.next()) {
                        int value = rows.getInt(1);
                        values.add(rows.wasNull() ? null : value != 0);
                    }
                    return values;
                }
            }
        });
    }
}
