package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Facts about the SQLite library Ponder runs on, for About boxes and bug reports. */
public final class SqliteInfo {
    private SqliteInfo() {}

    public static String version() {
        try (Connection connection = Sqlite.connect("jdbc:sqlite::memory:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT sqlite_version()")) {
            return rows.next() ? rows.getString(1) : "unknown";
        } catch (SQLException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }
}
