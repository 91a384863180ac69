package dev.ponder.core.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteException;

/**
 * What a database failure means for the researcher, in one sentence saying what to do: a full disk, a read-only
 * file, a file that cannot be opened, a damaged one. SQLite's own words go to the log, never to the user.
 */
final class SqliteErrors {
    private static final Logger LOG = Logger.getLogger(SqliteErrors.class.getName());

    private SqliteErrors() {}

    static WorkspaceException explain(Path file, String doing, SQLException e) {
        LOG.log(Level.WARNING, doing + " " + file + " failed", e);
        String name = String.valueOf(file.getFileName());
        int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
        String sentence = switch (code) {
            case 13 ->
                "There is no space left on the disk holding " + name + ": the change was rolled back and "
                        + "nothing of it was written. Free some space and try again.";
            case 8 ->
                name + " is read-only here (the file, its folder or the disk): reading works, changing it does "
                        + "not. Copy it somewhere writable to change it.";
            case 14 ->
                "Cannot open " + name + ": the file or its folder cannot be opened (permissions, a missing "
                        + "folder, or a read-only disk without the workspace's side files).";
            case 11, 26 ->
                name + " is damaged or not a complete workspace (SQLite finds it malformed); open a copy "
                        + "from a backup, or import the run files again into a new workspace.";
            case 10 ->
                "The disk failed while " + doing.toLowerCase(java.util.Locale.ROOT) + " " + name
                        + "; nothing was changed. Check the disk, then try again.";
            default -> doing + " " + name + " failed in the database; the log has the details.";
        };
        return new WorkspaceException(WorkspaceException.Reason.FAILED, file, sentence, e);
    }
}
