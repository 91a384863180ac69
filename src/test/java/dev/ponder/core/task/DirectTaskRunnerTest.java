package dev.ponder.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectTaskRunnerTest {
    private final List<String> heard = new ArrayList<>();

    private final TaskListener<String> listener = new TaskListener<>() {
        @Override
        public void succeeded(String result) {
            heard.add("succeeded " + result);
        }

        @Override
        public void failed(Throwable error) {
            heard.add("failed " + error.getMessage());
        }

        @Override
        public void cancelled() {
            heard.add("cancelled");
        }
    };

    @Test
    void reportsSuccessBeforeSubmitReturns() {
        TaskHandle handle = new DirectTaskRunner().submit("t", context -> "done", listener);
        assertThat(heard).containsExactly("succeeded done");
        assertThat(handle.isDone()).isTrue();
        assertThat(handle.title()).isEqualTo("t");
    }

    @Test
    void reportsFailureWithTheCause() {
        new DirectTaskRunner()
                .submit(
                        "t",
                        context -> {
                            throw new IllegalStateException("bad record");
                        },
                        listener);
        assertThat(heard).containsExactly("failed bad record");
    }

    @Test
    void workThatStopsForCancellationIsReportedAsCancelled() {
        new DirectTaskRunner()
                .submit(
                        "t",
                        context -> {
                            throw new TaskCancelledException();
                        },
                        listener);
        assertThat(heard).containsExactly("cancelled");
    }

    @Test
    void passesProgressToItsListener() {
        List<String> progress = new ArrayList<>();
        new DirectTaskRunner(
                        (title, done, total, message) -> progress.add(title + " " + done + "/" + total + " " + message))
                .submit(
                        "import",
                        context -> {
                            context.progress(1, 4);
                            context.message("a quarter");
                            return "ok";
                        },
                        listener);
        assertThat(progress).containsExactly("import 1/4 null", "import 1/4 a quarter");
    }

    @Test
    void theOutcomeTreatsAFailureAfterCancellationAsCancellation() {
        TaskContext cancelled = RecordingContext.alwaysCancelled();
        TaskOutcome.<String>of(
                        context -> {
                            throw new IllegalStateException("stream closed because we were cancelled");
                        },
                        cancelled)
                .report(listener);
        TaskOutcome.of(context -> "finished anyway", cancelled).report(listener);
        assertThat(heard).containsExactly("cancelled", "cancelled");
    }

    @Test
    void theEmptyContextIsNeverCancelled() {
        TaskContext.NONE.checkCancelled();
        assertThat(TaskContext.NONE.isCancelled()).isFalse();
    }
}
