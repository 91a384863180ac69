package dev.ponder.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponder.app.common.WorkspaceSession;
import dev.ponder.core.ingest.plan.ImportOptions;
import dev.ponder.core.model.RunAttribute;
import dev.ponder.core.service.WorkspaceServices;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.task.BackgroundWork;
import dev.ponder.core.task.TaskCancelledException;
import dev.ponder.core.task.TaskContext;
import dev.ponder.core.task.TaskHandle;
import dev.ponder.core.task.TaskListener;
import dev.ponder.core.task.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a run's file from the run browser: lines a running evaluation appends reach the run, which keeps its
 * name and its selection though each refresh makes it anew; stopping it stops the reading.
 */
class FollowedRunsTest {
    private static final Path SAMPLE = Path.of("sample-runs/tiny-arith-best-of-4.jsonl");

    @TempDir
    Path dir;

    private final WindowThread window = new WindowThread();
    private WorkspaceServices workspace;

    @AfterEach
    void tearDown() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void appendedLinesReachTheSelectedRunUntilFollowingStops() throws Exception {
        List<String> lines = Files.readAllLines(SAMPLE);
        Path growing = dir.resolve("growing.jsonl");
        Files.write(growing, lines.subList(0, 11));
        workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir));
        workspace.imports().importFile(growing, ImportOptions.DEFAULT, TaskContext.NONE);
        workspace
                .runs()
                .edit(RunAttribute.apply(
                        workspace.runs().summaries().get(0).run(), Map.of(RunAttribute.NAME, "my live run")));
        WorkspaceSession session = new WorkspaceSession();
        session.replace(workspace);
        RunBrowserViewModel browser = new RunBrowserViewModel(window, session);
        window.drainUntil(() -> browser.runs().size() == 1);
        long before = browser.selectedProperty().get().samples();

        FollowedRuns followed = browser.followed();
        assertThat(followed.canFollow(browser.selectedProperty().get().run())).isTrue();
        followed.toggle(browser.selectedProperty().get().run());
        assertThat(followed.isFollowed(browser.selectedProperty().get().run())).isTrue();

        Files.write(growing, lines.subList(11, lines.size()), StandardOpenOption.APPEND);
        window.drainUntil(() -> browser.selectedProperty().get() != null
                && browser.selectedProperty().get().samples() == 24);
        assertThat(before).isLessThan(24);
        assertThat(browser.runs()).as("the refresh replaced the run").hasSize(1);
        assertThat(browser.selectedProperty().get().run().name()).isEqualTo("my live run");

        followed.toggle(browser.selectedProperty().get().run());
        window.drainUntil(() -> window.cancelled.get());
        assertThat(followed.isFollowed(browser.selectedProperty().get().run())).isFalse();
    }

    @Test
    void aFileGoneSinceItsImportIsSaidWhenFollowingStarts() throws Exception {
        Path gone = dir.resolve("gone.jsonl");
        Files.copy(SAMPLE, gone);
        workspace = WorkspaceServices.create(dir.resolve("w.ponder"), new PonderHome(dir));
        workspace.imports().importFile(gone, ImportOptions.DEFAULT, TaskContext.NONE);
        Files.delete(gone);
        WorkspaceSession session = new WorkspaceSession();
        session.replace(workspace);
        RunBrowserViewModel browser = new RunBrowserViewModel(window, session);
        window.drainUntil(() -> browser.runs().size() == 1);

        browser.followed().toggle(browser.selectedProperty().get().run());

        window.drainUntil(() -> browser.noticeProperty().get() != null);
        assertThat(browser.noticeProperty().get().message()).contains("not imported from a file that is still on disk");
        assertThat(browser.followed()
                        .isFollowed(browser.selectedProperty().get().run()))
                .isFalse();
    }

    /** Work on a thread of its own; listeners and told actions on the test's thread, as on the window's. */
    private static final class WindowThread implements TaskRunner {
        private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public <T> TaskHandle submit(String title, BackgroundWork<T> work, TaskListener<? super T> listener) {
            AtomicBoolean cancel = new AtomicBoolean();
            AtomicBoolean done = new AtomicBoolean();
            TaskContext context = new TaskContext() {
                @Override
                public void progress(long finished, long total) {}

                @Override
                public void message(String message) {}

                @Override
                public boolean isCancelled() {
                    return cancel.get();
                }
            };
            Thread thread = new Thread(() -> {
                try {
                    T result = work.run(context);
                    queue.add(() -> listener.succeeded(result));
                } catch (TaskCancelledException e) {
                    queue.add(() -> {
                        cancelled.set(true);
                        listener.cancelled();
                    });
                } catch (Throwable e) {
                    queue.add(() -> listener.failed(e));
                } finally {
                    done.set(true);
                }
            });
            thread.setDaemon(true);
            thread.start();
            return new TaskHandle() {
                @Override
                public String title() {
                    return title;
                }

                @Override
                public void cancel() {
                    cancel.set(true);
                }

                @Override
                public boolean isDone() {
                    return done.get();
                }
            };
        }

        @Override
        public void tell(Runnable action) {
            queue.add(action);
        }

        void drainUntil(BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!condition.getAsBoolean()) {
                assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
                Runnable action = queue.poll(100, TimeUnit.MILLISECONDS);
                if (action != null) {
                    action.run();
                }
            }
        }
    }
}
