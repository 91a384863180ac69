package dev.ponder.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.sqlite.SQLiteException;

/**
 * A write transaction's turn at the file: its write lock taken before any work, so that waiting for another
 * program's write (another Ponder importing or replaying into the same file) happens here, whole, and not in the
 * middle of the transaction. Each try waits a second for the lock (SQLite's busy timeout, set for the try and put back
 * after); after the first, this says it is waiting (once) and tries again, up to the longest wait.
 */
final class WriteTurn {
    private static final Logger LOG = Logger.getLogger(WriteTurn.class.getName());

    private final Path file;
    private final Connection writer;
    private volatile Consumer<String> waiting = message -> LOG.info(message);
    private volatile Duration longest = Duration.ofMinutes(15);
    private volatile Duration perTry = Duration.ofSeconds(1);
    private final Duration usual;

    /** @param usual the writer's busy timeout outside the turn, put back once the lock is taken */
    WriteTurn(Path file, Connection writer, Duration usual) {
        this.file = file;
        this.writer = writer;
        this.usual = usual;
    }

    void onWaiting(Consumer<String> listener) {
        waiting = listener;
    }

    void limits(Duration busyTimeout, Duration total) {
        perTry = busyTimeout;
        longest = total;
    }

    /** Takes the write lock inside the transaction just begun; a {@link WorkspaceException} when it waited too long. */
    void take() throws SQLException {
        busyTimeout(perTry);
        try {
            takeWaiting();
        } finally {
            busyTimeout(usual);
        }
    }

    private void busyTimeout(Duration timeout) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + timeout.toMillis());
        }
    }

    private void takeWaiting() throws SQLException {
        long deadline = System.nanoTime() + longest.toNanos();
        boolean said = false;
        while (true) {
            try (Statement statement = writer.createStatement()) {
                // A write that changes nothing takes the lock as any write would.
                statement.execute("UPDATE workspace_info SET key = key WHERE 0");
                return;
            } catch (SQLException e) {
                if (!busy(e)) {
                    throw e;
                }
                writer.rollback();
                if (System.nanoTime() > deadline) {
                    throw new WorkspaceException(
                            WorkspaceException.Reason.FAILED,
                            file,
                            "Another program kept writing " + file.getFileName() + " for " + longest.toMinutes()
                                    + " minutes (another Ponder importing or replaying into it?); nothing was written. "
                                    + "Try again when it is done.",
                            e);
                }
                if (!said) {
                    waiting.accept("Waiting for another program writing " + file.getFileName()
                            + " (another Ponder importing or replaying into it) to finish …");
                    said = true;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new WorkspaceException(
                            WorkspaceException.Reason.FAILED,
                            file,
                            "Stopped waiting to write " + file.getFileName(),
                            e);
                }
            }
        }
    }

    private static boolean busy(SQLException e) {
        return e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == 5;
    }
}
