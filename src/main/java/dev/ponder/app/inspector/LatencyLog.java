package dev.ponder.app.inspector;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * Measures UI latency where it ends: the time from asking for a sample (a selection moved) to its trace being
 * in the text area, highlighted. On when Ponder runs with {@code -Dponder.latency=true}; logged at INFO.
 */
public interface LatencyLog {
    LatencyLog OFF = (requestedAt, characters) -> { };

    /** The trace asked for at {@code requestedAt} ({@link System#nanoTime}) is now on screen. */
    void shown(long requestedAt, int characters);

    /** Logs to {@code dev.ponder.latency} when the system property asks for it, else does nothing. */
    static LatencyLog fromSystemProperty() {
        if (!Boolean.getBoolean("ponder.latency")) {
            return OFF;
        }
        Logger log = Logger.getLogger("dev.ponder.latency");
        return (requestedAt, characters) -> log.info(String.format(Locale.ROOT,
                "selection to trace shown: %.1f ms (%,d characters)", (System.nanoTime() - requestedAt) / 1e6,
                characters));
    }
}
