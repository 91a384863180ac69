package dev.ponder.core.replay;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The servers one connection spreads its requests over (several replicas of the same model, or one). Each request
 * goes to the reachable server with the fewest requests in flight. A server whose request failed in a way a later try
 * may cure rests (2 s, doubled after each failure in a row, at most a minute) while the others take its share; after
 * its rest it gets one request alone, and is back in the pool once that one succeeds.
 */
final class EndpointPool {
    static final Duration FIRST_REST = Duration.ofSeconds(2);
    static final Duration LONGEST_REST = Duration.ofSeconds(60);

    /** One server of the pool. */
    static final class Endpoint {
        final URI base;
        private int inFlight;
        private int failuresInARow;
        private long restsUntil;

        private Endpoint(URI base) {
            this.base = base;
        }

        /** {@code path} on this server: relative to its base URL, or from its root when it starts with "/". */
        URI resolve(String path) {
            return path.startsWith("/") ? base.resolve("/").resolve(path.substring(1)) : base.resolve(path);
        }
    }

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final LongSupplier nanoTime;
    private int turn;

    EndpointPool(List<URI> bases) {
        this(bases, System::nanoTime);
    }

    EndpointPool(List<URI> bases, LongSupplier nanoTime) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one server");
        }
        bases.forEach(base -> endpoints.add(new Endpoint(base)));
        this.nanoTime = nanoTime;
    }

    int size() {
        return endpoints.size();
    }

    /** The first server, for what needs only one (telling the engine apart). */
    Endpoint first() {
        return endpoints.get(0);
    }

    /**
     * The server the next request goes to: among those not resting, the one with the fewest requests in flight (taking
     * turns between equals); when every server rests, the one whose rest ends first. Give it back with {@link #done}.
     */
    synchronized Endpoint take() {
        long now = nanoTime.getAsLong();
        Endpoint chosen = null;
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint e = endpoints.get((turn + i) % endpoints.size());
            if (available(e, now) && (chosen == null || e.inFlight < chosen.inFlight)) {
                chosen = e;
            }
        }
        if (chosen == null) {
            for (Endpoint e : endpoints) {
                if (chosen == null || e.restsUntil < chosen.restsUntil) {
                    chosen = e;
                }
            }
        }
        turn = (endpoints.indexOf(chosen) + 1) % endpoints.size();
        chosen.inFlight++;
        return chosen;
    }

    /** A server that failed last time is tried by one request at a time, once its rest is over. */
    private static boolean available(Endpoint e, long now) {
        return e.failuresInARow == 0 || (now - e.restsUntil >= 0 && e.inFlight == 0);
    }

    /** The request sent to {@code e} ended: well (it is back in the pool), or with a failure (it rests). */
    synchronized void done(Endpoint e, boolean succeeded) {
        e.inFlight--;
        if (succeeded) {
            e.failuresInARow = 0;
            return;
        }
        e.failuresInARow++;
        long rest = FIRST_REST.toNanos() << Math.min(e.failuresInARow - 1, 5);
        e.restsUntil = nanoTime.getAsLong() + Math.min(rest, LONGEST_REST.toNanos());
    }

    /** Whether a server other than {@code e} can take a request now, so that a retry need not wait. */
    synchronized boolean otherAvailable(Endpoint e) {
        long now = nanoTime.getAsLong();
        return endpoints.stream().anyMatch(other -> other != e && available(other, now));
    }

    /** "http://a/v1" or "http://a/v1, http://b/v1": for provenance and messages. */
    String describe() {
        return String.join(", ", endpoints.stream().map(e -> e.base.toString()).toList());
    }
}
