package dev.ponder.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Problem filters saved under a name, as JSON specs; saving under a used name replaces that filter. */
public final class SavedFilterRepository {
    private final Connection connection;

    SavedFilterRepository(Connection connection) {
        this.connection = connection;
    }

    /** Every saved filter's spec by name, in name order. */
    public Map<String, String> all() throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT name, spec_json FROM saved_filter ORDER BY name")) {
            Map<String, String> filters = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    filters.put(rows.getString(1), rows.getString(2));
                }
            }
            return filters;
        }
    }

    public void save(String name, String specJson) throws SQLException {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a saved filter needs a name");
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO saved_filter(name, spec_json) "
                + "VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET spec_json = excluded.spec_json")) {
            upsert.setString(1, name.strip());
            upsert.setString(2, specJson);
            upsert.executeUpdate();
        }
    }

    public void delete(String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM saved_filter WHERE name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
    }
}
