package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A researcher's note on a sample or a problem: one each; a blank note removes it. */
public final class NoteRepository {
    private final Connection connection;

    NoteRepository(Connection connection) {
        this.connection = connection;
    }

    public void setSampleNote(long sampleId, String text) throws SQLException {
        set("sample_id", sampleId, text);
    }

    public void setProblemNote(long problemId, String text) throws SQLException {
        set("problem_id", problemId, text);
    }

    /** The sample's note, or the empty string. */
    public String sampleNote(long sampleId) throws SQLException {
        return get("sample_id", sampleId);
    }

    public String problemNote(long problemId) throws SQLException {
        return get("problem_id", problemId);
    }

    private void set(String column, long id, String text) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM note WHERE " + column + " = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
        if (text == null || text.isBlank()) {
            return;
        }
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO note(" + column + ", text, updated_at) VALUES (?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, text.strip());
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    private String get(String column, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT text FROM note WHERE " + column + " = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        }
    }
}
