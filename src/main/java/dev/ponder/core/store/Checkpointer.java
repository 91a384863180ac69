package dev.ponder.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies committed pages from the write-ahead log into the workspace file on a thread of its own, after each
 * write. SQLite would otherwise do it inside the commit that fills the log: after a gigabyte import that is
 * several seconds during which the finished run could not be shown. A passive checkpoint never blocks readers
 * or the next write; a commit is safe in the log before it, so a crash loses nothing it has not copied yet.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Checkpointer.class.getName());
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final Thread thread;
    private boolean requested;
    private boolean stopping;

    Checkpointer(Path file) {
        this.file = file;
        this.thread = new Thread(this::run, "ponder-checkpoint");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a checkpoint soon; requests made while one runs are served by one more. */
    synchronized void request() {
        requested = true;
        notifyAll();
    }

    /** Lets a running checkpoint finish, then stops. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Connection connection = null;
        try {
            while (awaitRequest()) {
                if (connection == null) {
                    connection = Sqlite.connect("jdbc:sqlite:" + file);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
                }
            }
        } catch (SQLException e) {
            // The log is copied when the workspace closes instead; nothing is lost.
            LOG.log(Level.WARNING, "Background checkpoint of " + file + " failed", e);
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing after the work is done; nothing depends on it
                }
            }
        }
    }

    /** Waits for a request; false once stopping. */
    private synchronized boolean awaitRequest() {
        while (!requested && !stopping) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (stopping) {
            return false;
        }
        requested = false;
        return true;
    }
}
