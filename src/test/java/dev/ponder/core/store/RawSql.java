package dev.ponder.core.store;

import java.sql.Connection;

/** Tests' way to check or set a workspace's rows with SQL of their own, which no code outside the store may do. */
public final class RawSql {
    private RawSql() {}

    /** Work on a raw connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    public static <T> T read(Workspace workspace, Work<T> work) {
        return workspace.readSql(work::run);
    }

    public static <T> T write(Workspace workspace, Work<T> work) {
        return workspace.writeSql(work::run);
    }
}
