package dev.ponder.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ponder.core.answer.Graders;
import dev.ponder.core.model.Problem;
import dev.ponder.core.task.LiveText;
import dev.ponder.core.task.TaskCancelledException;
import dev.ponder.core.task.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayRunnerTest {
    private static final List<Problem> PROBLEMS = List.of(
            new Problem(0, "a/1", "arith", "What is 58 + 67?", "125", null),
            new Problem(0, "a/2", "arith", "What is 31 + 44?", "75", null),
            new Problem(0, "a/3", "arith", "What is 346 * 7?", "2422", null));
    private static final ReplayJournal.RunSpec SPEC =
            new ReplayJournal.RunSpec("r", "tiny", "budget-forcing", Map.of());
    private static final EmbeddedLlama model = TinyModel.shared();

    private static ReplayRunner.Plan plan() {
        return ReplayRunner.Plan.sampling(
                PROBLEMS, 2, BudgetForcing.Params.cap(24), new GenerationRequest("", 1, 0.8, 1.0, 100, List.of()), 2);
    }

    /** Records progress; cancels once {@code cancelAfter} samples are done. */
    private static final class Context implements TaskContext {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final List<String> messages = new ArrayList<>();
        final int cancelAfter;

        Context(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void progress(long done, long total) {
            if (done >= cancelAfter) {
                cancelled.set(true);
            }
        }

        @Override
        public synchronized void message(String message) {
            messages.add(message);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    @Test
    void cancelledReplaysResumeWhereTheyStoppedAndEndWithEveryUnitOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("j.jsonl");
        ReplayRunner runner = new ReplayRunner(model, PromptTemplate.CHATML);
        try (ReplayJournal journal = ReplayJournal.open(file, SPEC, Graders.MATH)) {
            assertThatThrownBy(() -> runner.run(plan(), journal, LiveText.NONE, new Context(2)))
                    .isInstanceOf(TaskCancelledException.class);
            assertThat(journal.doneCount()).isBetween(2, 5);
        }
        Map<String, StringBuilder> live = new ConcurrentHashMap<>();
        Context context = new Context(Integer.MAX_VALUE);
        try (ReplayJournal journal = ReplayJournal.open(file, SPEC, Graders.MATH)) {
            int before = journal.doneCount();
            ReplayRunner.Ran done = runner.run(
                    plan(),
                    journal,
                    (unit, piece) ->
                            live.computeIfAbsent(unit, u -> new StringBuilder()).append(piece),
                    context);
            assertThat(done.finished()).isEqualTo(6 - before);
            assertThat(done.failures()).isEmpty();
            assertThat(journal.doneCount()).isEqualTo(6);
            assertThat(live).hasSize(6 - before);
        }
        List<String> units = Files.readAllLines(file).stream()
                .filter(l -> l.contains("\"type\":\"sample\""))
                .map(l -> l.replaceAll(".*\"unit\":\"([^\"]+)\".*", "$1"))
                .sorted()
                .toList();
        assertThat(units)
                .containsExactly("a/1/b24/s0", "a/1/b24/s1", "a/2/b24/s0", "a/2/b24/s1", "a/3/b24/s0", "a/3/b24/s1");
        assertThat(context.messages.get(context.messages.size() - 1))
                .matches("Replaying: 6 of 6 samples, [\\d,]+ tokens/s, about 0 s left");
    }
}
