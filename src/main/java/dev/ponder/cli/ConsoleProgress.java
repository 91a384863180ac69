package dev.ponder.cli;

import dev.ponder.core.task.TaskContext;
import java.io.PrintWriter;

/**
 * Shows a long command's progress on one terminal line, rewritten in place at most twice a second. Used only
 * when a person watches (a console is attached), so logs and pipes stay clean.
 */
final class ConsoleProgress implements TaskContext {
    private static final long EVERY_NANOS = 500_000_000L;

    private final PrintWriter err;
    private long lastShown;
    private int lastLength;

    private ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    /** A context that shows progress on {@code err} when a terminal is attached, else one that shows nothing. */
    static TaskContext on(PrintWriter err, boolean quiet) {
        return quiet || System.console() == null ? TaskContext.NONE : new ConsoleProgress(err);
    }

    @Override
    public void progress(long done, long total) {}

    @Override
    public void message(String message) {
        long now = System.nanoTime();
        if (now - lastShown < EVERY_NANOS) {
            return;
        }
        lastShown = now;
        String line = message.length() > 110 ? message.substring(0, 109) + "…" : message;
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    /** Clears the progress line before the command prints its result. */
    void clear() {
        if (lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            lastLength = 0;
        }
    }

    static void clear(TaskContext context) {
        if (context instanceof ConsoleProgress console) {
            console.clear();
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }
}
