package dev.ponder.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two programs writing one workspace (an import while a replay runs): the second waits for the first, says so once,
 * and then writes, or stops with a sentence when the first takes too long, having written nothing.
 */
class SecondWriterTest {
    @TempDir
    Path dir;

    /** The first program: a write transaction that lasts {@code millis}, started once {@code started} counts down. */
    private static Thread longWrite(Workspace first, CountDownLatch started, long millis) {
        Thread thread = new Thread(() -> first.writeSql(connection -> {
            new RunWriter(connection).insertRun(Fixtures.run("first"));
            started.countDown();
            Thread.sleep(millis);
            return null;
        }));
        thread.start();
        return thread;
    }

    @Test
    void theSecondWriterWaitsSaysSoAndThenWrites() throws Exception {
        Path file = dir.resolve("w.ponder");
        try (Workspace first = Workspace.create(file);
                Workspace second = Workspace.open(file)) {
            List<String> said = new CopyOnWriteArrayList<>();
            second.onWaitingForWriter(said::add);
            second.waitLimits(Duration.ofMillis(200), Duration.ofSeconds(30));
            CountDownLatch started = new CountDownLatch(1);
            Thread writing = longWrite(first, started, 1500);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            long begun = System.nanoTime();
            second.writeSql(connection -> new RunWriter(connection).insertRun(Fixtures.run("second")));
            writing.join();

            assertThat((System.nanoTime() - begun) / 1e9)
                    .as("it waited for the first")
                    .isGreaterThan(0.5);
            assertThat(said).singleElement().asString().startsWith("Waiting for another program writing w.ponder");
            assertThat(second.runSummaries())
                    .extracting(summary -> summary.run().name())
                    .containsExactly("first", "second");
        }
    }

    @Test
    void aSecondWriterThatWaitsTooLongStopsWithASentenceAndWritesNothing() throws Exception {
        Path file = dir.resolve("w.ponder");
        try (Workspace first = Workspace.create(file);
                Workspace second = Workspace.open(file)) {
            second.onWaitingForWriter(message -> {});
            second.waitLimits(Duration.ofMillis(100), Duration.ofMillis(400));
            CountDownLatch started = new CountDownLatch(1);
            Thread writing = longWrite(first, started, 2000);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() ->
                            second.writeSql(connection -> new RunWriter(connection).insertRun(Fixtures.run("second"))))
                    .isInstanceOf(WorkspaceException.class)
                    .hasMessageStartingWith("Another program kept writing w.ponder")
                    .hasMessageContaining("nothing was written");
            writing.join();
            assertThat(second.runSummaries())
                    .extracting(summary -> summary.run().name())
                    .containsExactly("first");
        }
    }
}
