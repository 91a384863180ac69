package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections to SQLite through its own driver, not java.sql.DriverManager: the manager would first load every
 * driver on the class path (DuckDB's too, with its Flight Recorder hooks), a cost each command paid at start.
 */
final class Sqlite {
    private static final org.sqlite.JDBC DRIVER = new org.sqlite.JDBC();

    private Sqlite() {}

    static Connection connect(String url) throws SQLException {
        return DRIVER.connect(url, new Properties());
    }
}
