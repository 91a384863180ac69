package dev.ponder.app.inspector;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * Measures UI latency where it ends: the time from asking for a sample (a selection moved) to its trace being
 * in the text area, highlighted. On when Ponder runs with {@code -Dponder.latency=true}; logged at INFO.
 */
public interface LatencyLog {
    LatencyLog OFF = (requestedAt, onFxThread, characters) -> {};

    /**
     * The trace asked for at {@code requestedAt} ({@link System#nanoTime}) is now on screen; putting it into the
     * text area took {@code onFxThread} nanoseconds of that.
     */
    void shown(long requestedAt, long onFxThread, int characters);

    /** Logs to {@code dev.ponder.latency} when the system property asks for it, else does nothing. */
    static LatencyLog fromSystemProperty() {
        if (!Boolean.getBoolean("ponder.latency")) {
            return OFF;
        }
        Logger log = Logger.getLogger("dev.ponder.latency");
        return (requestedAt, onFxThread, characters) -> log.info(String.format(
                Locale.ROOT,
                "selection to trace shown: %.1f ms, %.1f ms of it on the FX thread (%,d characters)",
                (System.nanoTime() - requestedAt) / 1e6,
                onFxThread / 1e6,
                characters));
    }
}
