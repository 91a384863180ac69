package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Tags researchers put on samples ("overthinking", "lucky guess", "grader error"). */
public final class TagRepository {
    private final Connection connection;

    public TagRepository(Connection connection) {
        this.connection = connection;
    }

    /** Tags a sample; tagging it twice with the same name is harmless. */
    public void tagSample(long sampleId, String name) throws SQLException {
        String tag = name.strip();
        if (tag.isEmpty()) {
            throw new IllegalArgumentException("a tag needs a name");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tag(name, sample_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, tag);
            insert.setLong(2, sampleId);
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    public void untagSample(long sampleId, String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tag WHERE sample_id = ? AND name = ?")) {
            delete.setLong(1, sampleId);
            delete.setString(2, name.strip());
            delete.executeUpdate();
        }
    }

    public List<String> tagsOfSample(long sampleId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM tag WHERE sample_id = ? ORDER BY name")) {
            query.setLong(1, sampleId);
            List<String> names = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            return names;
        }
    }
}
