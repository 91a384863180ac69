package dev.ponder.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ponder.core.answer.MathEquivalence;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers Ponder's majority vote, weighted and naive best-of-N choose are the ones search-and-learn chose,
 * as its own {@code pred_maj@n}, {@code pred_weighted@n} and {@code pred_naive@n} columns record them. The
 * fixture's columns follow search-and-learn's rules (first n completions, last-step score, ties to the first
 * answer seen, an empty extraction voting as an answer of its own) through ties and empty answers.
 */
class SearchAndLearnAgreementTest {
    private static final Path FIXTURE = Path.of("src/test/resources/dev/ponder/core/analysis/sal_agreement.jsonl");
    private static final Path REAL = Path.of("../shared/real-runs/search_and_learn/best_of_n_completions.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void choicesMatchTheReferenceColumnsOnOwnFixture() throws Exception {
        List<String> checked = agreement(FIXTURE, List.of(1, 2, 4, 8));
        assertThat(checked).as("four problems at four n, three columns each").hasSize(16);
    }

    @Test
    void choicesMatchTheReferenceColumnsOnARealRun() throws Exception {
        assumeTrue(Files.exists(REAL), "the real search-and-learn file is only beside the project checkout");
        assertThat(agreement(REAL, List.of(1, 2, 4))).hasSize(3);
    }

    @Test
    void curvesCountTheChosenAnswersVerdicts() throws Exception {
        try (Workspace workspace = Workspace.create(dir.resolve("curves.ponder"))) {
            long runId = new Importer(workspace)
                    .importFile(FIXTURE, ImportOptions.DEFAULT, TaskContext.NONE)
                    .runId();
            RunColumns run = RunData.columns(workspace, runId);
            List<Integer> ks = List.of(1, 2, 4, 8);
            // By hand from the fixture's preds against the gold answers (3/4 problem: \dfrac{3}{4} is right).
            assertThat(MajorityVote.curves(run, ks, 200, 1).firstK())
                    .extracting(CurvePoint::value)
                    .containsExactly(0.25, 0.25, 0.5, 0.25);
            BestOfN.Curves best = BestOfN.curves(run, ks);
            assertThat(best.weighted()).extracting(CurvePoint::value).containsExactly(0.25, 0.25, 0.75, 0.25);
            assertThat(best.naive()).extracting(CurvePoint::value).containsExactly(0.25, 0.25, 0.5, 0.25);
        }
    }

    /** Checks every reference column of every problem and returns what it checked. */
    private List<String> agreement(Path file, List<Integer> ns) throws Exception {
        List<String> checked = new ArrayList<>();
        try (Workspace workspace = Workspace.create(dir.resolve(file.getFileName() + ".ponder"))) {
            long runId = new Importer(workspace)
                    .importFile(file, ImportOptions.DEFAULT, TaskContext.NONE)
                    .runId();
            RunColumns run = RunData.columns(workspace, runId);
            for (int p = 0; p < run.problems(); p++) {
                long problemId = run.problemId(p);
                String text = workspace
                        .read(tables -> tables.runs().problemReference(runId, problemId))
                        .orElseThrow();
                JsonNode reference = JSON.readTree(text);
                for (int n : ns) {
                    String where = "problem " + p + " n=" + n;
                    same(
                            where + " maj",
                            MajorityVote.answer(run, p, MajorityVote.firstKChoice(run, p, n)),
                            reference.get("pred_maj@" + n).asText());
                    same(
                            where + " weighted",
                            MajorityVote.answer(run, p, BestOfN.weightedChoice(run, p, n)),
                            reference.get("pred_weighted@" + n).asText());
                    int naive = BestOfN.naiveChoice(run, p, n);
                    same(
                            where + " naive",
                            MajorityVote.answer(run, p, MajorityVote.group(run, p, naive)),
                            reference.get("pred_naive@" + n).asText());
                    checked.add(where);
                }
            }
        }
        return checked;
    }

    private static void same(String where, String ours, String boxed) {
        assertThat(boxed).as(where).startsWith("\\boxed{").endsWith("}");
        String theirs = boxed.substring("\\boxed{".length(), boxed.length() - 1);
        if (theirs.isEmpty()) {
            assertThat(ours)
                    .as(where + ": search-and-learn chose the empty answer")
                    .isNull();
        } else {
            assertThat(ours).as(where).isNotNull();
            assertThat(MathEquivalence.equivalent(ours, theirs))
                    .as(where + ": ours " + ours + ", theirs " + theirs)
                    .isTrue();
        }
    }
}
