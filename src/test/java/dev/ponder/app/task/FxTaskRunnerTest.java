package dev.ponder.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.status.StatusBarViewModel;
import dev.ponder.core.task.TaskCancelledException;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class FxTaskRunnerTest {
    private final FxTaskRunner runner = new FxTaskRunner(2);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    void deliversTheResultOnTheFxThreadAndForgetsTheTask() throws Exception {
        CompletableFuture<String> heard = new CompletableFuture<>();
        runner.submit(
                "count",
                context -> {
                    for (int i = 0; i <= 100_000; i++) {
                        context.progress(i, 100_000);
                    }
                    return Platform.isFxApplicationThread() ? "ran on the FX thread" : "ran on a worker";
                },
                new TaskListener<String>() {
                    @Override
                    public void succeeded(String result) {
                        heard.complete(result + ", heard on "
                                + (Platform.isFxApplicationThread() ? "the FX thread" : "a worker"));
                    }
                });
        assertThat(heard.get(10, TimeUnit.SECONDS)).isEqualTo("ran on a worker, heard on the FX thread");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(runner.running()).isEmpty();
    }

    @Test
    void cancellationIsHeardOnlyAfterTheWorkHasCleanedUp() throws Exception {
        AtomicBoolean rolledBack = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> cancelledAfterRollback = new CompletableFuture<>();
        TaskHandle handle = runner.submit(
                "import",
                context -> {
                    started.countDown();
                    while (!context.isCancelled()) {
                        Thread.onSpinWait();
                    }
                    Thread.sleep(200);
                    rolledBack.set(true);
                    throw new TaskCancelledException();
                },
                new TaskListener<Object>() {
                    @Override
                    public void cancelled() {
                        cancelledAfterRollback.complete(rolledBack.get());
                    }
                });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        assertThat(cancelledAfterRollback.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handle.isDone()).isTrue();
    }

    @Test
    void theStatusBarFollowsTheNewestTaskAndFallsBackToTheIdleMessage() throws Exception {
        SimpleStringProperty idle = new SimpleStringProperty("Opened w.ponder");
        StatusBarViewModel status = WaitForAsyncUtils.asyncFx(() -> new StatusBarViewModel(runner.running(), idle))
                .get();
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        runner.submit(
                "Importing big.jsonl",
                context -> {
                    context.progress(1, 4);
                    context.message("Importing big.jsonl: 1,024 samples");
                    reported.countDown();
                    finish.await();
                    return null;
                },
                TaskListenerNone.INSTANCE);
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        // shown at most five times a second: the message that followed the progress comes within 0.2 s
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> "Importing big.jsonl: 1,024 samples"
                        .equals(status.textProperty().get()));
        assertThat(status.progressProperty().get()).isEqualTo(0.25);
        assertThat(status.busyProperty().get()).isTrue();

        WaitForAsyncUtils.asyncFx(status::cancel).get();
        assertThat(status.textProperty().get()).endsWith("(cancelling…)");
        finish.countDown();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !status.busyProperty().get());
        assertThat(status.textProperty().get()).isEqualTo("Opened w.ponder");
    }

    @Test
    void workThatReportsAtEverySampleIsShownAFewTimesASecondAndEndsOnItsLastReport() throws Exception {
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch finish = new CountDownLatch(1);
        RunningTask[] task = new RunningTask[1];
        WaitForAsyncUtils.asyncFx(() -> runner.running().addListener((javafx.collections.ListChangeListener<
                                RunningTask>)
                        change -> {
                            while (change.next()) {
                                for (RunningTask added : change.getAddedSubList()) {
                                    task[0] = added;
                                    added.messageProperty().addListener((observable, before, text) -> shown.add(text));
                                }
                            }
                        }))
                .get();
        long started = System.nanoTime();
        runner.submit(
                "Importing big.jsonl",
                context -> {
                    long reports = 0;
                    while (System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(1000)) {
                        context.message("sample " + ++reports);
                    }
                    context.message("the last report");
                    finish.await();
                    return null;
                },
                TaskListenerNone.INSTANCE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shown.contains("the last report"));
        assertThat(shown).hasSizeBetween(2, 10);
        finish.countDown();
    }

    private enum TaskListenerNone implements TaskListener<Object> {
        INSTANCE
    }
}
