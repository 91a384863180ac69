package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.answer.Graders;
import dev.ponder.core.ingest.ImportResult;
import dev.ponder.core.ingest.Importer;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.Problem;
import dev.ponder.core.model.Sample;
import dev.ponder.core.model.SegmentKind;
import dev.ponder.core.store.Workspace;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replayed samples kept one by one in a journal, resumed after a torn write, and imported as a run. */
class ReplayJournalTest {
    private static final List<Problem> PROBLEMS = List.of(
            new Problem(0, "arith/1", "arith", "What is 58 + 67?", "125", null),
            new Problem(0, "arith/2", "arith", "What is 4821 - 1937?", "2884", null),
            new Problem(0, "arith/3", "arith", "What is 346 * 7?", "2422", null));
    private static final ReplayJournal.RunSpec SPEC = new ReplayJournal.RunSpec(
            "tiny budget 16", "tiny-reasoner.gguf", "budget-forcing", Map.of("budget", "16", "template", "chatml"));
    private static final EmbeddedLlama model = TinyModel.shared();

    private static void replay(ReplayJournal journal, int budget, List<Problem> problems) throws ReplayException {
        BudgetForcing forcing = new BudgetForcing(model, PromptTemplate.CHATML, BudgetForcing.Params.cap(budget));
        for (Problem p : problems) {
            String unit = p.key() + "/b" + budget + "/s0";
            if (journal.isDone(unit)) {
                continue;
            }
            ReplayedTrace t = forcing.run(
                    p.question(), GenerationRequest.greedy("", 1), ModelBackend.TextStream.NONE, () -> false);
            journal.append(p, new ReplayJournal.Entry(unit, null, 0, 0, budget, 0, t));
        }
    }

    @Test
    void resumesAfterATornLineAndImportsAsARun(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("replay.jsonl");
        try (ReplayJournal journal = ReplayJournal.open(file, SPEC, Graders.MATH)) {
            replay(journal, 16, PROBLEMS.subList(0, 2));
        }
        Files.writeString(file, "{\"type\":\"sample\",\"problem\":\"arith/3\",\"te", StandardOpenOption.APPEND);
        try (ReplayJournal journal = ReplayJournal.open(file, SPEC, Graders.MATH)) {
            assertThat(journal.doneCount()).isEqualTo(2);
            assertThat(journal.isDone("arith/1/b16/s0")).isTrue();
            replay(journal, 16, PROBLEMS);
            assertThat(journal.doneCount()).isEqualTo(3);
        }
        assertThat(Files.readAllLines(file)).hasSize(1 + 3 + 3).allMatch(line -> line.endsWith("}"));

        try (Workspace workspace = Workspace.create(dir.resolve("w.ponder"))) {
            ImportResult result = new Importer(workspace).importFile(file, ImportOptions.DEFAULT, TaskContext.NONE);
            assertThat(result.samples()).isEqualTo(3);
            assertThat(result.runName()).isEqualTo("tiny budget 16");
            List<Sample> samples = new ArrayList<>();
            List<SegmentKind> kinds = new ArrayList<>();
            workspace.read(tables -> {
                for (Problem p : tables.problems().ofRun(result.runId())) {
                    for (Sample s : tables.samples().ofProblem(result.runId(), p.id())) {
                        samples.add(s);
                        tables.samples().segments(s.id()).forEach(seg -> kinds.add(seg.kind()));
                    }
                }
                return null;
            });
            assertThat(samples).allSatisfy(s -> {
                assertThat(s.budget()).isEqualTo(16);
                assertThat(s.tokens().thinking()).isEqualTo(16);
                assertThat(s.correct()).isNotNull();
                assertThat(s.answer().extracted()).isNotNull();
                assertThat(s.finishReason()).isEqualTo("stop");
                assertThat(s.thinkingText()).isNotEmpty();
            });
            assertThat(kinds)
                    .containsOnly(SegmentKind.FORCED_THINKING_END, SegmentKind.ANSWER_PROMPT)
                    .hasSize(6);
        }
    }

    @Test
    void refusesToResumeADifferentReplay(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("replay.jsonl");
        ReplayJournal.open(file, SPEC, Graders.MATH).close();
        ReplayJournal.RunSpec other = new ReplayJournal.RunSpec(
                "tiny budget 32", "tiny-reasoner.gguf", "budget-forcing", Map.of("budget", "32"));
        assertThatThrownBy(() -> ReplayJournal.open(file, other, Graders.MATH))
                .isInstanceOf(ReplayException.class)
                .hasMessageContaining("holds a different replay");
    }
}
