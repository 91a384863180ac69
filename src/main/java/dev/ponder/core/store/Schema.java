package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;

/** The workspace schema versions this Ponder knows, and how to bring a workspace up to the newest. */
final class Schema {
    /** The newest schema version this Ponder writes. */
    static final int CURRENT = 7;

    private final List<Migration> migrations;

    Schema(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3, ... without gaps");
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    static Schema standard() {
        return new Schema(IntStream.rangeClosed(1, CURRENT)
                .mapToObj(Migration::fromResource)
                .map(migration -> migration.version() == 4 ? migration.then(TraceIndex::splitSharedIndex) : migration)
                .toList());
    }

    int newestVersion() {
        return migrations.size();
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /**
     * Applies every migration newer than the workspace, each in its own transaction together with the
     * version bump, so a failure leaves the workspace at the last version that fully applied.
     */
    void migrate(Connection connection) throws SQLException {
        for (Migration migration : migrations.subList(version(connection), migrations.size())) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                migration.then().apply(connection);
                statement.execute("PRAGMA user_version = " + migration.version());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
