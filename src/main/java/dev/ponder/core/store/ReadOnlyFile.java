package dev.ponder.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A connection to a workspace Ponder may not write: SQLite's immutable mode reads the file as it is, without the
 * write-ahead log's side files or locks, which a read-only disk could not hold.
 */
final class ReadOnlyFile {
    private ReadOnlyFile() {}

    static Connection connect(Path path) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        return config.createConnection(
                "jdbc:sqlite:" + path.toUri().toString().replaceFirst("^file:///", "file:/") + "?immutable=1");
    }
}
