package dev.ponder.core.store;

/**
 * Work done with a workspace's tables, inside a read or inside one write transaction. The tables are the only
 * way into the workspace from outside this package: no connection and no SQL leave it.
 */
@FunctionalInterface
public interface StoreWork<T> {
    T run(Tables tables) throws Exception;
}
