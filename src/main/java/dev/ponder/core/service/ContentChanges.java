package dev.ponder.core.service;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the changes to a workspace's runs made through its services (imports, replays, edits, regrades, deletions),
 * so that what is kept in memory from the runs (the charts' inputs) is read again after one.
 */
final class ContentChanges {
    private final AtomicLong count = new AtomicLong();

    void changed() {
        count.incrementAndGet();
    }

    long count() {
        return count.get();
    }
}
