package dev.ponder.core.store;

import java.sql.Connection;

/** Work done with a workspace connection, inside a read or inside one write transaction. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws Exception;
}
